package top

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/docapi/docapi/tools/docparse/internal/model"
)

// readWithin runs Read and fails if it panics (the recover in Read turns a
// panic into an internal-error diagnostic), takes longer than limit, or
// returns something malformed.
func readWithin(t testing.TB, name string, data []byte, limit time.Duration) {
	t.Helper()
	type result struct {
		page  *model.Page
		diags model.Diagnostics
	}
	done := make(chan result, 1)
	go func() {
		page, diags := Read(name, data)
		done <- result{page, diags}
	}()
	var got result
	select {
	case got = <-done:
	case <-time.After(limit):
		t.Fatalf("Read(%s, %d bytes) did not return within %v", name, len(data), limit)
	}
	if got.page == nil {
		t.Fatalf("Read(%s) returned a nil page", name)
	}
	if got.page.Family != Family {
		t.Errorf("Read(%s) family %q", name, got.page.Family)
	}
	if len(got.diags) > maxDiagnostics+1 {
		t.Errorf("Read(%s): %d diagnostics, want at most %d", name, len(got.diags), maxDiagnostics+1)
	}
	for _, d := range got.diags {
		if strings.Contains(d.Msg, internalError) {
			t.Fatalf("Read(%s): %v", name, d)
		}
		if d.Loc.File != name {
			t.Errorf("Read(%s): diagnostic without the file: %v", name, d)
		}
	}
	for _, op := range got.page.Operations {
		checkLocated(t, name, op)
	}
}

func TestReadNeverFails(t *testing.T) {
	seed := readSeed(t)
	rng := rand.New(rand.NewPCG(1, 2))
	randomBytes := make([]byte, 4096)
	for i := range randomBytes {
		randomBytes[i] = byte(rng.UintN(256))
	}
	inputs := map[string][]byte{
		"empty":          nil,
		"random bytes":   randomBytes,
		"invalid utf-8":  append(append([]byte{}, seed[:200]...), 0xff, 0xfe, '\n'),
		"title only":     []byte("taobao.a.b (x)"),
		"bullets only":   bytes.Repeat([]byte("  • └ a\n  • Foo\n"), 100),
		"deep nesting":   deepNesting(200),
		"deep xml":       deepXML(10000),
		"no header rows": []byte("taobao.a.b (x)\n响应参数\nresult Foo x\n  • └ b\n响应示例\n<a_b_response><result><b/></result></a_b_response>\n"),
	}
	for name, data := range inputs {
		readWithin(t, name, data, 5*time.Second)
	}
	for n := 0; n <= len(seed); n += 97 {
		readWithin(t, "truncated", seed[:n], 5*time.Second)
	}
	for range 200 {
		readWithin(t, "mutated", mutate(rng, seed), 5*time.Second)
	}
}

// TestReadLargePage checks that time grows about linearly: a page of many
// megabytes reads in well under the limit.
func TestReadLargePage(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	seed := string(readSeed(t))
	start := strings.Index(seed, "  • └ access_key_id")
	end := strings.Index(seed, "resp_code Number")
	block := seed[start:end]
	var b strings.Builder
	b.WriteString(seed[:end])
	for b.Len() < 4<<20 {
		b.WriteString("item_" + "x SecurityTokenCredential Token\n")
		b.WriteString(block)
	}
	b.WriteString(seed[end:])
	readWithin(t, "large", []byte(b.String()), 20*time.Second)
}

// deepNesting is a request table whose every bullet row is an object type
// holding the next, far deeper than any real page.
func deepNesting(levels int) []byte {
	var b strings.Builder
	b.WriteString("taobao.deep.get (深)\n\n请求参数\n\n名称 类型 是否必须 示例值 更多限制 描述\nroot Node 必须 根\n")
	for range levels {
		b.WriteString("  • └ child\n  • Node\n  • 必须\n  • 子\n")
	}
	b.WriteString("\n响应参数\n\n名称 类型 示例值 描述\nok Boolean true 成功\n")
	return []byte(b.String())
}

// deepXML is a response example nested levels deep.
func deepXML(levels int) []byte {
	var b strings.Builder
	b.WriteString("taobao.deep.get (深)\n\n响应参数\n\n名称 类型 示例值 描述\nok Boolean true 成功\n\n响应示例\n\n")
	b.WriteString("<deep_get_response>")
	b.WriteString(strings.Repeat("<ok>", levels))
	b.WriteString(strings.Repeat("</ok>", levels))
	b.WriteString("</deep_get_response>\n")
	return []byte(b.String())
}

// mutate swaps, drops or duplicates a few lines of a page.
func mutate(rng *rand.Rand, page []byte) []byte {
	lines := strings.Split(string(page), "\n")
	for range 1 + rng.IntN(5) {
		i, j := rng.IntN(len(lines)), rng.IntN(len(lines))
		switch rng.IntN(3) {
		case 0:
			lines[i], lines[j] = lines[j], lines[i]
		case 1:
			lines = append(lines[:i], lines[i+1:]...)
		default:
			lines = append(lines[:i], append([]string{lines[j]}, lines[i:]...)...)
		}
	}
	return []byte(strings.Join(lines, "\n"))
}

// FuzzRead looks for inputs that make Read panic, hang or return
// unlocated results. Each input is bounded in size and time, so the
// target itself always ends.
func FuzzRead(f *testing.F) {
	f.Add(readSeed(f))
	for _, data := range syntheticPages(f) {
		f.Add(data)
	}
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<20 {
			t.Skip("larger than any real page")
		}
		readWithin(t, "fuzz", data, 10*time.Second)
	})
}
