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
	outs := []string{
		fmt.Sprint(v), fmt.Sprintf("%v", v), fmt.Sprintf("%+v", c), fmt.Sprintf("%#v", c),
		fmt.Sprintf("%s", v), fmt.Sprintf("%q", v), fmt.Sprintf("%x", v), fmt.Sprintf("%d", v),
		fmt.Sprintf("%v", &c), v.String(), v.GoString(),
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
