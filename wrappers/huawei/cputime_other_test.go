//go:build !linux

package huawei

import "time"

func threadCPU() time.Duration { return wallClock() }

func lockThread() func() { return func() {} }
