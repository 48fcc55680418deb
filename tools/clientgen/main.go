// Command clientgen writes the typed layer of a generated client: one call
// per operation of an OpenAPI spec, returning the decoded body or a typed
// error, an iter.Seq2 for every operation the spec marks with
// x-docapi-pagination, and retry safety from the method and
// x-docapi-idempotent. It reads the spec with kin-openapi and the models
// oapi-codegen wrote for it (the same codegen config, so the same names),
// and calls the hand-written runtime in wrappers/huawei or wrappers/top.
//
//	go run ./tools/clientgen -family huawei -config specs/vpc.codegen.yaml specs/vpc.yaml
//
// writes generated/vpc/vpcapi/vpcapi.gen.go (package vpcapi) beside the
// models in generated/vpc, and generated/vpc/server.gen.go with the spec's
// server URL. Output files are replaced atomically; on an error nothing is
// written.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	family := flag.String("family", "huawei", "runtime the calls use: huawei or top")
	config := flag.String("config", "", "the spec's oapi-codegen config (specs/<service>.codegen.yaml)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: clientgen -family huawei|top -config specs/<service>.codegen.yaml specs/<service>.yaml")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 || *config == "" {
		flag.Usage()
		os.Exit(2)
	}
	files, err := generate(*family, *config, flag.Arg(0))
	if err == nil {
		err = writeAll(files)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "clientgen:", err)
		os.Exit(1)
	}
}

// writeAll writes every file through a temporary file and a rename, after
// all of them were generated.
func writeAll(files map[string][]byte) error {
	for path, data := range files {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		tmp, err := os.CreateTemp(filepath.Dir(path), ".clientgen-*")
		if err != nil {
			return err
		}
		_, werr := tmp.Write(data)
		cerr := tmp.Close()
		if werr == nil {
			werr = cerr
		}
		if werr == nil {
			werr = os.Rename(tmp.Name(), path)
		}
		if werr != nil {
			os.Remove(tmp.Name())
			return werr
		}
	}
	return nil
}
