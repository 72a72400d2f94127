package event

// intentCode returns the CAMEO code for the stated intention to do what
// code says: CAMEO codes intentions apart ("will provide aid" is 033,
// "express intent to provide material aid", not 07; "would attack" is 138,
// "threaten with military force"). Codes that are already verbal (roots
// 01–03 and 09–13) and codes without an intention counterpart are returned
// unchanged.
func intentCode(code string) string {
	if len(code) < 2 {
		return code
	}
	if c, ok := intentExact[code]; ok {
		return c
	}
	if len(code) == 4 {
		if c, ok := intentExact[code[:3]]; ok {
			return c
		}
	}
	if c, ok := intentRoot[code[:2]]; ok {
		return c
	}
	return code
}

var intentRoot = map[string]string{
	"04": "036", // consult → intend to meet or negotiate
	"05": "032", // diplomatic cooperation → intend to cooperate diplomatically
	"06": "031", // material cooperation
	"07": "033", // aid
	"08": "035", // yield
	"14": "133", // protest → threaten political dissent
	"15": "138", // force posture → threaten military force
	"16": "131", // reduce relations → threaten non-force
	"17": "137", // coerce → threaten repression
	"18": "138", // assault
	"19": "138", // fight
	"20": "1383",
}

var intentExact = map[string]string{
	"045": "039", "046": "036",
	"057": "037", // sign an agreement → intend to settle
	"061": "0311", "062": "0312", "063": "0313", "064": "0314",
	"071": "0331", "072": "0332", "073": "0333", "074": "0334",
	"081": "0351", "082": "0352", "084": "0353", "0841": "0353", "0842": "0353",
	"085": "0354", "086": "0355", "087": "0356",
	"161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136",
	"191": "1381", "192": "1382", "193": "1384", "194": "1384", "195": "1384",
	"200": "1383", "201": "1383", "202": "1383", "203": "1383", "204": "1385",
}
