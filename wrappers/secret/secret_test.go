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

func TestScrub(t *testing.T) {
	long := New(`p@ss/word"+long-secret`)
	short := New("s3cr")
	cases := []struct{ in, want string }{
		// Every echo form of a long secret, anywhere.
		{`msg: p@ss/word"+long-secret!`, "msg: [REDACTED]!"},
		{`{"password":"p@ss/word\"+long-secret"}`, `{"password":"[REDACTED]"}`},
		{`{"password":"p@ss\/word\"+long-secret"}`, `{"password":"[REDACTED]"}`},
		{`q=p%40ss%2Fword%22%2Blong-secret&x=1`, `q=[REDACTED]&x=1`},
		{`/p@ss%2Fword%22+long-secret/`, `/[REDACTED]/`},
		{`xxp@ss/word"+long-secretxx`, `xx[REDACTED]xx`},
		// A short secret where it stands as a value, not inside a word.
		{`invalid session s3cr`, `invalid session [REDACTED]`},
		{`session=s3cr&app_key=1`, `session=[REDACTED]&app_key=1`},
		{`"s3cr"`, `"[REDACTED]"`},
		{`s3cr3t and as3cr`, `s3cr3t and as3cr`},
		{`s3crs3cr s3cr`, `s3crs3cr [REDACTED]`},
		{`nothing here`, `nothing here`},
	}
	for _, c := range cases {
		if got := Scrub(c.in, long, short, Value{}); got != c.want {
			t.Errorf("Scrub(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := string(ScrubBytes([]byte(c.in), long, short)); got != c.want {
			t.Errorf("ScrubBytes(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := Contains(c.in, long, short); got != (c.in != c.want) {
			t.Errorf("Contains(%q) = %t", c.in, got)
		}
	}
}
