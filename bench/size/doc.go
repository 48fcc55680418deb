// Package size holds three programs that do the same thing (an IAM password
// token, a CSMS ListResourceInstances, a ModelArts instance query) with
// net/http alone, with docapi and with the official SDK; size.sh builds
// them and prints their sizes.
package size
