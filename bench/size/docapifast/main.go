// Command docapifast is size/docapi with wrappers/fastjson decoding the
// results.
package main

import (
	"github.com/docapi/docapi/bench/size/internal/docapicalls"
	"github.com/docapi/docapi/wrappers/fastjson"
)

func main() { docapicalls.Run(fastjson.Unmarshal) }
