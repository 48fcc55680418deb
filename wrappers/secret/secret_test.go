package secret

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"
)

func TestValueNeverPrints(t *testing.T) {
	const raw = "hunter2-super-secret"
	v := New(raw)
	type config struct {
		User string
		Pass Value
		Ptr  *Value
	}
	c := config{User: "u", Pass: v, Ptr: &v}
	hidden := struct {
		name string
		pass Value
		cfg  *config
	}{"u", v, &c}
	outs := []string{
		fmt.Sprintf("%v", hidden), fmt.Sprintf("%+v", hidden), fmt.Sprintf("%#v", hidden),
		fmt.Sprint(v), fmt.Sprintf("%v", v), fmt.Sprintf("%+v", c), fmt.Sprintf("%#v", c),
		fmt.Sprintf("%s", v), fmt.Sprintf("%q", v), fmt.Sprintf("%x", v), fmt.Sprintf("%d", v),
		fmt.Sprintf("%v", &c), v.String(), v.GoString(),
	}
	// Verbs that do not fit a struct make fmt print its fields raw.
	for _, verb := range []string{"%s", "%q", "%x", "%d"} {
		outs = append(outs, fmt.Sprintf(verb, hidden), fmt.Sprintf(verb, c))
	}
	js, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	outs = append(outs, string(js))
	var buf bytes.Buffer
	slog.New(slog.NewTextHandler(&buf, nil)).Info("login", "pass", v, "cfg", c)
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("login", "pass", v)
	outs = append(outs, buf.String())
	for _, o := range outs {
		if strings.Contains(o, raw) {
			t.Errorf("secret leaked in %q", o)
		}
	}
	if v.Reveal() != raw {
		t.Errorf("Reveal() = %q, want the raw secret", v.Reveal())
	}
	if v.IsZero() || !New("").IsZero() {
		t.Error("IsZero wrong")
	}
}
