package export_test

import (
	"fmt"
	"os"
	"strings"

	"dyad/export"
	"dyad/record"
	"dyad/store"
)

func ExampleNew() {
	w, err := export.New("csv", os.Stdout)
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = w.WriteEvent(store.Event{
		ID: 42, Date: "2024-03-05", CAMEO: "042", QuadClass: 1, Goldstein: 1.9,
		Actor:     store.Party{CAMEO: "USAGOV", Country: "USA", Name: "Antony Blinken"},
		Recipient: store.Party{CAMEO: "RUSGOV", Country: "RUS"},
		Location:  &record.Location{Name: "Moscow", Country: "RUS", Lat: 55.7522, Lon: 37.6156},
	})
	if err := w.Close(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// id,date,last_date,first_seen,last_seen,event,mode,cameo,quad_class,goldstein,actor_cameo,actor_name,actor_country,recipient_cameo,recipient_name,recipient_country,location,lat,lon,num_mentions,num_sources,num_articles,is_root,confidence,source_url
	// 42,2024-03-05,,,,,,042,1,1.9,USAGOV,Antony Blinken,USA,RUSGOV,,RUS,Moscow,55.7522,37.6156,0,0,0,false,0,
}

func ExampleReadGDELT() {
	var b strings.Builder
	w, _ := export.New("gdelt", &b)
	_ = w.WriteEvent(store.Event{ID: 7, Date: "2024-03-05", CAMEO: "0431", QuadClass: 1, Goldstein: 2.8,
		Actor: store.Party{CAMEO: "IGOUNO", Country: "IGOUNO", Name: "United Nations"}, NumMentions: 1, NumSources: 1, NumArticles: 1})
	_ = w.Close()
	err := export.ReadGDELT(strings.NewReader(b.String()), func(r export.GDELTRow) error {
		fmt.Println(len(r.Fields), r.Get("Actor1Code"), r.Get("Actor1KnownGroupCode"), r.Get("Actor1Type1Code"), r.Get("EventBaseCode"))
		return nil
	})
	fmt.Println(err)
	// Output:
	// 61 IGOUNO UNO IGO 043
	// <nil>
}
