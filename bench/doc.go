// Package bench measures docapi against the official Huawei Cloud Go SDK and
// hand-written floors, side by side in one run. It is a module of its own so
// that the main module never depends on the official SDK.
package bench
