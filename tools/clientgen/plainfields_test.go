package main

import (
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/oapi-codegen/oapi-codegen/v2/pkg/codegen"
)

const plainSpec = `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /things:
    post:
      operationId: CreateThing
      parameters:
        - {name: q, in: query, schema: {$ref: '#/components/schemas/Query'}}
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Req'}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Resp'}
components:
  schemas:
    Query: {type: object, properties: {page: {type: integer}}}
    Req:
      type: object
      properties:
        name: {type: string}
        shared: {$ref: '#/components/schemas/Shared'}
    Shared: {type: object, properties: {flag: {type: boolean}}}
    State: {type: string, enum: [on, off]}
    Resp:
      type: object
      required: [id]
      properties:
        id: {type: string}
        name: {type: string}
        count: {type: integer}
        state: {$ref: '#/components/schemas/State'}
        nothing: {type: string, nullable: true}
        shared: {$ref: '#/components/schemas/Shared'}
        child: {$ref: '#/components/schemas/Item'}
        items: {type: array, items: {$ref: '#/components/schemas/Item'}}
        inline: {type: object, properties: {deep: {type: number}}}
    Item: {type: object, properties: {x: {type: string}, y: {type: boolean, x-go-type-skip-optional-pointer: false}}}
`

func TestPlainResponseFields(t *testing.T) {
	spec, err := openapi3.NewLoader().LoadFromData([]byte(plainSpec))
	if err != nil {
		t.Fatal(err)
	}
	n := plainResponseFields(spec)
	var got []string
	for name, s := range spec.Components.Schemas {
		for prop, ref := range s.Value.Properties {
			if v, ok := ref.Extensions[extSkipOptionalPointer]; ok && v == true {
				got = append(got, name+"."+prop)
			}
		}
		if _, ok := s.Extensions[extSkipOptionalPointer]; ok {
			t.Errorf("component %s itself was marked", name)
		}
	}
	inline := spec.Components.Schemas["Resp"].Value.Properties["inline"].Value.Properties["deep"]
	if inline.Extensions[extSkipOptionalPointer] == true {
		got = append(got, "Resp.inline.deep")
	}
	sort.Strings(got)
	// Not: the required id, the nullable field, objects and lists, what a
	// request reaches (Req, Shared, Query), a field the spec decided on.
	want := "Item.x Resp.count Resp.inline.deep Resp.name Resp.state"
	if strings.Join(got, " ") != want || n != 5 {
		t.Errorf("marked %d: %v, want %s", n, got, want)
	}

	// What oapi-codegen makes of the marks.
	code, err := codegen.Generate(spec, codegen.Configuration{PackageName: "p", Generate: codegen.GenerateOptions{Models: true}}.UpdateDefaults())
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{
		"Name *string `json:\"name,omitempty\"`", // Req: a request sends "" apart from nothing
		"Name string `json:\"name,omitempty\"`",  // Resp
		"Count int `json:\"count,omitempty\"`",   // Resp
		"State State `json:\"state,omitempty\"`", // Resp, a $ref'd enum
		"Flag *bool `json:\"flag,omitempty\"`",   // Shared
		"Y *bool `json:\"y,omitempty\"`",         // the spec said keep the pointer
	} {
		if !strings.Contains(strings.Join(strings.Fields(code), " "), line) {
			t.Errorf("generated models lack %s", line)
		}
	}
}
