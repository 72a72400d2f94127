package server

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// openAPIDoc is the part of openapi.json the tests check.
type openAPIDoc struct {
	OpenAPI string `json:"openapi"`
	Paths   map[string]map[string]struct {
		Parameters []struct {
			Ref  string `json:"$ref"`
			Name string `json:"name"`
		} `json:"parameters"`
		Responses map[string]json.RawMessage `json:"responses"`
	} `json:"paths"`
	Components struct {
		Parameters map[string]struct {
			Name string `json:"name"`
		} `json:"parameters"`
	} `json:"components"`
}

// TestOpenAPI checks that openapi.json is valid JSON, that it describes
// every route the server serves and nothing else, and that each filtered
// endpoint documents every filter parameter.
func TestOpenAPI(t *testing.T) {
	if !json.Valid(openAPI) {
		t.Fatal("openapi.json is not valid JSON")
	}
	var d openAPIDoc
	if err := json.Unmarshal(openAPI, &d); err != nil {
		t.Fatal(err)
	}
	if d.OpenAPI != "3.1.0" {
		t.Errorf("openapi %q", d.OpenAPI)
	}
	s := &Server{}
	served := map[string]bool{}
	for _, r := range s.routes() {
		key := strings.ToLower(r.method) + " " + r.pattern
		served[key] = true
		if _, ok := d.Paths[r.pattern][strings.ToLower(r.method)]; !ok {
			t.Errorf("route %s %s is not in openapi.json", r.method, r.pattern)
		}
	}
	for path, ops := range d.Paths {
		for method, op := range ops {
			if !served[method+" "+path] {
				t.Errorf("openapi.json has %s %s, which the server does not serve", method, path)
			}
			if _, ok := op.Responses["200"]; !ok {
				t.Errorf("%s %s: no 200 response", method, path)
			}
			var names []string
			for _, p := range op.Parameters {
				if p.Ref != "" {
					ref := strings.TrimPrefix(p.Ref, "#/components/parameters/")
					c, ok := d.Components.Parameters[ref]
					if !ok {
						t.Errorf("%s %s: no parameter %s", method, path, p.Ref)
					}
					names = append(names, c.Name)
				} else {
					names = append(names, p.Name)
				}
			}
			if filtered[path] {
				for _, p := range filterParams {
					if !slices.Contains(names, p.name) {
						t.Errorf("%s %s: filter parameter %s is not documented", method, path, p.name)
					}
				}
			}
		}
	}
	// Every $ref points at something.
	var all any
	_ = json.Unmarshal(openAPI, &all)
	walkRefs(t, all, all)
}

// filtered are the endpoints that take the filter parameters.
var filtered = map[string]bool{"/api/events": true, "/api/timeline": true, "/api/dyads": true, "/api/conflicts": true}

func walkRefs(t *testing.T, root, v any) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if ref, ok := x.(string); ok && k == "$ref" {
				var at any = root
				for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
					m, _ := at.(map[string]any)
					at = m[part]
				}
				if at == nil {
					t.Errorf("dangling $ref %s", ref)
				}
			}
			walkRefs(t, root, x)
		}
	case []any:
		for _, x := range v {
			walkRefs(t, root, x)
		}
	}
}
