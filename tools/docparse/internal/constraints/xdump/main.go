package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/docapi/docapi/tools/docparse/internal/mdhtml"
)

func main() {
	root := os.Args[1]
	filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || !strings.HasSuffix(p, ".md") {
			return nil
		}
		data, _ := os.ReadFile(p)
		blocks, _ := mdhtml.Split(data)
		rel, _ := filepath.Rel(root, p)
		for _, b := range blocks {
			if b.Kind != mdhtml.Table || b.Table == nil {
				continue
			}
			name, typ, desc := -1, -1, -1
			for i, h := range b.Table.Header {
				switch strings.ToLower(strings.TrimSpace(h.Text)) {
				case "参数", "参数名", "参数名称", "名称", "parameter", "name":
					name = i
				case "参数类型", "类型", "type":
					typ = i
				case "描述", "说明", "参数说明", "description":
					desc = i
				}
			}
			if name < 0 || desc < 0 {
				continue
			}
			for _, r := range b.Table.Rows {
				if len(r.Cells) <= desc || len(r.Cells) <= name {
					continue
				}
				t := ""
				if typ >= 0 && typ < len(r.Cells) {
					t = r.Cells[typ].Text
				}
				d := strings.ReplaceAll(r.Cells[desc].Text, "\n", "\\n")
				fmt.Printf("%s:%d\t%s\t%s\t%s\n", rel, r.Line, strings.ReplaceAll(r.Cells[name].Text, "\n", " "), strings.ReplaceAll(t, "\n", " "), strings.ReplaceAll(d, "\t", " "))
			}
		}
		return nil
	})
}
