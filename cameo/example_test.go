package cameo_test

import (
	"fmt"

	"dyad/cameo"
)

func Example() {
	c, _ := cameo.Lookup("041")
	fmt.Println(c.Name, c.Event, c.Mode, c.Goldstein, c.Quad, cameo.PentaClass("041"))

	c, _ = cameo.Lookup("0415") // not a CAMEO code: falls back to 041
	fmt.Println(c.Code)

	c, _ = cameo.Lookup("013") // root 01 has no PLOVER event
	fmt.Printf("%s %q\n", c.Name, c.Event)
	// Output:
	// Discuss by telephone CONSULT phone 1 1 1
	// 041
	// Make optimistic comment ""
}
