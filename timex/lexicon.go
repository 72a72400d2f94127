package timex

// Word classes of the lexicon.
const (
	catNone    uint8 = iota
	catMonth         // val: 1-12
	catWeekday       // val: time.Weekday
	catNumber        // val: the number
	catUnit          // val: unitDay ... unitDecade
	catRelDay        // val: day offset; relTonight for "tonight"
	catPart          // morning, afternoon, evening, night
	catWord          // val: one of the w... ids
)

// Units of a count ("three years ago").
const (
	unitDay = iota + 1
	unitWeek
	unitMonth
	unitYear
	unitDecade
)

// relTonight marks "tonight" among the catRelDay words: day offset 0.
const relTonight = 9

// Function words the patterns look for.
const (
	wNone = iota
	wA
	wAbout
	wAfter
	wAgo
	wAlmost
	wAnd
	wApproximately
	wAround
	wAt
	wBarely
	wBefore
	wBetween
	wBy
	wClose
	wComing
	wCouple
	wDozen
	wDuring
	wEarlier
	wEarly
	wExactly
	wFew
	wFrom
	wHalf
	wIn
	wJust
	wLast
	wLate
	wLater
	wLeast
	wLess
	wLittle
	wMid
	wMore
	wMost
	wNearly
	wNext
	wNow
	wOf
	wOn
	wOnly
	wOr
	wOver
	wPast
	wPost
	wPre
	wRoughly
	wSeveral
	wSince
	wSome
	wThan
	wThe
	wThis
	wThrough
	wTill
	wTo
	wUnder
	wUntil
	wUpwards
	wWeekend
	wWell
	wSt // ordinal suffixes
	wNd
	wRd
	wTh
	wUSA // "USA Today"
)

type lexEntry struct {
	cat  uint8
	val  int8
	abbr bool // month abbreviation ("Feb")
}

// maxLexLen is the length of the longest word in the lexicon.
const maxLexLen = 13

var lexicon = map[string]lexEntry{
	"january": {catMonth, 1, false}, "february": {catMonth, 2, false}, "march": {catMonth, 3, false},
	"april": {catMonth, 4, false}, "may": {catMonth, 5, false}, "june": {catMonth, 6, false},
	"july": {catMonth, 7, false}, "august": {catMonth, 8, false}, "september": {catMonth, 9, false},
	"october": {catMonth, 10, false}, "november": {catMonth, 11, false}, "december": {catMonth, 12, false},
	"jan": {catMonth, 1, true}, "feb": {catMonth, 2, true}, "mar": {catMonth, 3, true},
	"apr": {catMonth, 4, true}, "jun": {catMonth, 6, true}, "jul": {catMonth, 7, true},
	"aug": {catMonth, 8, true}, "sep": {catMonth, 9, true}, "sept": {catMonth, 9, true},
	"oct": {catMonth, 10, true}, "nov": {catMonth, 11, true}, "dec": {catMonth, 12, true},

	"sunday": {catWeekday, 0, false}, "monday": {catWeekday, 1, false}, "tuesday": {catWeekday, 2, false},
	"wednesday": {catWeekday, 3, false}, "thursday": {catWeekday, 4, false}, "friday": {catWeekday, 5, false},
	"saturday": {catWeekday, 6, false},

	"one": {catNumber, 1, false}, "two": {catNumber, 2, false}, "three": {catNumber, 3, false},
	"four": {catNumber, 4, false}, "five": {catNumber, 5, false}, "six": {catNumber, 6, false},
	"seven": {catNumber, 7, false}, "eight": {catNumber, 8, false}, "nine": {catNumber, 9, false},
	"ten": {catNumber, 10, false}, "eleven": {catNumber, 11, false}, "twelve": {catNumber, 12, false},
	"thirteen": {catNumber, 13, false}, "fourteen": {catNumber, 14, false}, "fifteen": {catNumber, 15, false},
	"sixteen": {catNumber, 16, false}, "seventeen": {catNumber, 17, false}, "eighteen": {catNumber, 18, false},
	"nineteen": {catNumber, 19, false}, "twenty": {catNumber, 20, false}, "thirty": {catNumber, 30, false},
	"forty": {catNumber, 40, false}, "fifty": {catNumber, 50, false}, "sixty": {catNumber, 60, false},
	"seventy": {catNumber, 70, false}, "eighty": {catNumber, 80, false}, "ninety": {catNumber, 90, false},

	"day": {catUnit, unitDay, false}, "days": {catUnit, unitDay, false},
	"week": {catUnit, unitWeek, false}, "weeks": {catUnit, unitWeek, false},
	"month": {catUnit, unitMonth, false}, "months": {catUnit, unitMonth, false},
	"year": {catUnit, unitYear, false}, "years": {catUnit, unitYear, false},
	"decade": {catUnit, unitDecade, false}, "decades": {catUnit, unitDecade, false},

	"today": {catRelDay, 0, false}, "tonight": {catRelDay, relTonight, false},
	"yesterday": {catRelDay, -1, false}, "tomorrow": {catRelDay, 1, false},

	"morning": {catPart, 0, false}, "afternoon": {catPart, 0, false},
	"evening": {catPart, 0, false}, "night": {catPart, 0, false},

	"a": {catWord, wA, false}, "an": {catWord, wA, false},
	"about": {catWord, wAbout, false}, "after": {catWord, wAfter, false},
	"ago": {catWord, wAgo, false}, "almost": {catWord, wAlmost, false},
	"and": {catWord, wAnd, false}, "approximately": {catWord, wApproximately, false},
	"around": {catWord, wAround, false}, "at": {catWord, wAt, false},
	"barely": {catWord, wBarely, false}, "before": {catWord, wBefore, false},
	"between": {catWord, wBetween, false}, "by": {catWord, wBy, false},
	"close": {catWord, wClose, false}, "coming": {catWord, wComing, false},
	"couple": {catWord, wCouple, false}, "dozen": {catWord, wDozen, false},
	"during": {catWord, wDuring, false}, "earlier": {catWord, wEarlier, false},
	"early": {catWord, wEarly, false}, "exactly": {catWord, wExactly, false},
	"few": {catWord, wFew, false}, "from": {catWord, wFrom, false},
	"half": {catWord, wHalf, false}, "in": {catWord, wIn, false},
	"just": {catWord, wJust, false}, "last": {catWord, wLast, false},
	"late": {catWord, wLate, false}, "later": {catWord, wLater, false},
	"least": {catWord, wLeast, false}, "less": {catWord, wLess, false},
	"little": {catWord, wLittle, false}, "mid": {catWord, wMid, false},
	"more": {catWord, wMore, false}, "most": {catWord, wMost, false},
	"nearly": {catWord, wNearly, false}, "next": {catWord, wNext, false},
	"now": {catWord, wNow, false}, "of": {catWord, wOf, false},
	"on": {catWord, wOn, false}, "only": {catWord, wOnly, false},
	"or": {catWord, wOr, false}, "over": {catWord, wOver, false},
	"past": {catWord, wPast, false}, "post": {catWord, wPost, false},
	"pre": {catWord, wPre, false}, "roughly": {catWord, wRoughly, false},
	"several": {catWord, wSeveral, false}, "since": {catWord, wSince, false},
	"some": {catWord, wSome, false}, "than": {catWord, wThan, false},
	"the": {catWord, wThe, false}, "this": {catWord, wThis, false},
	"through": {catWord, wThrough, false}, "till": {catWord, wTill, false},
	"to": {catWord, wTo, false}, "under": {catWord, wUnder, false},
	"until": {catWord, wUntil, false}, "upwards": {catWord, wUpwards, false},
	"weekend": {catWord, wWeekend, false}, "well": {catWord, wWell, false},
	"st": {catWord, wSt, false}, "nd": {catWord, wNd, false},
	"rd": {catWord, wRd, false}, "th": {catWord, wTh, false},
	"usa": {catWord, wUSA, false},
}

// hedge is a word sequence before a count that qualifies it ("nearly
// three years ago"); approx tells whether it makes the count approximate.
type hedge struct {
	words  []int8
	approx bool
}

// hedges, longest first so that "a little more than" wins over "more".
var hedges = []hedge{
	{[]int8{wA, wLittle, wMore, wThan}, true},
	{[]int8{wA, wLittle, wOver}, true},
	{[]int8{wMore, wThan}, true},
	{[]int8{wLess, wThan}, true},
	{[]int8{wAt, wLeast}, true},
	{[]int8{wAt, wMost}, true},
	{[]int8{wClose, wTo}, true},
	{[]int8{wJust, wOver}, true},
	{[]int8{wJust, wUnder}, true},
	{[]int8{wWell, wOver}, true},
	{[]int8{wUpwards, wOf}, true},
	{[]int8{wNearly}, true},
	{[]int8{wAlmost}, true},
	{[]int8{wAbout}, true},
	{[]int8{wAround}, true},
	{[]int8{wRoughly}, true},
	{[]int8{wApproximately}, true},
	{[]int8{wSome}, true},
	{[]int8{wOver}, true},
	{[]int8{wUnder}, true},
	{[]int8{wBarely}, true},
	{[]int8{wJust}, false},
	{[]int8{wOnly}, false},
	{[]int8{wExactly}, false},
}

// dayNamePrefixes are capitalised words that make a weekday part of a name
// rather than a date ("Bloody Sunday", "Super Tuesday"); newspaperSuffixes
// follow a weekday in a title ("the Sunday Times").
var (
	dayNamePrefixes   = []string{"Ash", "Black", "Bloody", "Cyber", "Easter", "Good", "Holy", "Maundy", "Palm", "Shrove", "Super"}
	newspaperSuffixes = []string{"Express", "Herald", "Independent", "Mail", "Mirror", "Post", "Star", "Telegraph", "Times", "World"}
)

// countStart marks the function words that can begin "[hedge] COUNT UNIT
// ago": the first words of the hedges, "a" and "several".
var countStart = func() (m [128]bool) {
	for _, h := range hedges {
		m[h.words[0]] = true
	}
	m[wA], m[wSeveral] = true, true
	return m
}()
