// Package faults holds the fault-injection suite that drives every wrapper
// client (Huawei IAM token auth, Huawei AK/SK signing, the Taobao Open
// Platform gateway) through the same table of transport and server faults
// against loopback fakes of the vendors' APIs.
//
// The package has no code of its own: everything is in its tests, which use
// only the wrappers' public constructors, as a user would. Each case checks
// the typed error, the attempts the server counted, the pauses the injected
// sleeper recorded, that no goroutine is left behind, and that no secret
// shows in the error, its logs or the printed clients.
package faults
