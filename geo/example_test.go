package geo_test

import (
	"fmt"

	"dyad/geo"
)

func ExampleGazetteer_Lookup() {
	g, err := geo.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, name := range []string{"Kiev", "Bombay", "SAO PAULO", "Washington"} {
		p, ok := g.Lookup(name)
		fmt.Printf("%s: %v %s %s %.2f %.2f capital=%v\n", name, ok, p.Name, p.Country, p.Lat, p.Lon, p.Capital)
	}
	p, _ := g.LookupIn("Tripoli", "LBN")
	fmt.Println(p.Name, p.Country)
	// Output:
	// Kiev: true Kyiv UKR 50.45 30.52 capital=true
	// Bombay: true Mumbai IND 19.07 72.88 capital=false
	// SAO PAULO: true São Paulo BRA -23.55 -46.64 capital=false
	// Washington: true Washington USA 38.90 -77.04 capital=true
	// Tripoli LBN
}
