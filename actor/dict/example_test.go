package dict_test

import (
	"fmt"
	"strings"

	"dyad/actor/dict"
)

func ExampleDict_LookupName() {
	d, diags := dict.Parse("example.txt", strings.NewReader(`
country | RUS | RU | RUS | Russia; Soviet Union @..1991-12-25 | Russian; Russians | Moscow; Kremlin | EUR
person | Dmitry Medvedev | Medvedev | RUS | GOV | president | 2008-05-07..2012-05-07
person | Dmitry Medvedev | Medvedev | RUS | GOV | prime minister | 2012-05-08..2020-01-16
`))
	fmt.Println(len(diags), "diagnostics")
	for _, date := range []dict.Date{{Y: 2010, M: 1, D: 1}, {Y: 2025}} {
		for _, m := range d.LookupName("Medvedev", date) {
			fmt.Println(date, m.Person.Name, m.Offices[0].Country, m.Offices[0].Sector, m.Offices[0].Role, "former:", m.Former)
		}
	}
	m := d.LookupName("the Kremlin", dict.Date{Y: 2025})[0]
	fmt.Println(m.Kind, m.Via, m.Country.CAMEO)
	// Output:
	// 0 diagnostics
	// 2010-01-01 Dmitry Medvedev RUS GOV president former: false
	// 2025 Dmitry Medvedev RUS GOV president former: true
	// country metonym RUS
}

func ExampleDict_LookupRole() {
	d, _ := dict.Parse("roles.txt", strings.NewReader("role | foreign minister; foreign secretary | GOV | member\n"))
	r, ok := d.LookupRole("Foreign Secretary")
	fmt.Println(ok, r.Sector, r.Rule)
	// Output: true GOV member
}
