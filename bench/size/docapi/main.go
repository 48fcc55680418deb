// Command docapi gets an IAM token, lists CSMS secrets and queries a
// ModelArts instance with docapi's clients.
package main

import "github.com/docapi/docapi/bench/size/internal/docapicalls"

func main() { docapicalls.Run(nil) }
