package emit

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// Emitting against a baseline in the same run: encoding/json writing the
// same model, the least any serializer of it costs.
//
//	go test -run '^$' -bench 'Emit' -benchmem -count 8 ./tools/docparse/internal/emit/

// rowsDocument is one operation whose body table has n rows.
func rowsDocument(n int) Document {
	body := &model.Schema{Type: model.TypeObject}
	for i := range n {
		body.Properties = append(body.Properties, &model.Property{
			Loc:  model.Loc{File: "rows.md", Line: 10 + i, Table: "表 1 请求Body参数", Row: i + 1},
			Name: fmt.Sprintf("f%06d", i), Description: "第几个字段。", Schema: &model.Schema{Type: model.TypeString},
		})
	}
	return Document{Info: Info{Title: "t", Version: "1"}, Operations: []*model.Operation{{
		ID: "CreateThing", Method: "POST", Path: "/things", RequestBody: &model.Body{Schema: body},
		Responses: []*model.Response{{Status: "204"}},
	}}}
}

func BenchmarkEmitRowsBaselineJSON(b *testing.B) {
	doc := rowsDocument(100_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(doc.Operations); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEmitRows(b *testing.B) {
	doc := rowsDocument(100_000)
	b.ReportAllocs()
	for b.Loop() {
		if out, _, _ := Emit(doc); out == nil {
			b.Fatal("no output")
		}
	}
}

func BenchmarkEmitFixture(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if out, _, _ := Emit(fixtureDocument()); out == nil {
			b.Fatal("no output")
		}
	}
}
