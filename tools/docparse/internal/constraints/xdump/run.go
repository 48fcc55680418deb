package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/docapi/docapi/tools/docparse/internal/constraints"
)

func init() {
	if len(os.Args) > 1 && os.Args[1] == "-x" {
		sc := bufio.NewScanner(os.Stdin)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			f := strings.Split(sc.Text(), "\t")
			if len(f) < 4 {
				continue
			}
			desc := strings.ReplaceAll(f[3], `\n`, "\n")
			fmt.Printf("%s\t%s\n", sc.Text(), constraints.Summary(constraints.Extract(f[1], constraints.TypeOfColumn(f[2]), desc)))
		}
		os.Exit(0)
	}
}
