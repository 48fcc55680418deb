package param

import (
	"math"
	"net/url"
	"strings"
	"testing"

	"github.com/oapi-codegen/runtime"
)

// The encodings must be oapi-codegen's (runtime.StyleParamWithOptions, what
// the generated builders called before) and net/url's.
func TestMatchesOapiCodegenRuntime(t *testing.T) {
	values := []any{"plain", "a b/c?d#e%f&g=h+i;j,k:l@m$n", "中文", "", "~-._", int64(-42), 7, int32(1 << 30),
		3.25, float32(0.1), 1e21, math.MaxFloat64, true, false}
	for _, v := range values {
		var text string
		switch v := v.(type) {
		case string:
			text = v
		case int64:
			text = Int(v)
		case int:
			text = Int(v)
		case int32:
			text = Int(v)
		case float64:
			text = Float(v)
		case float32:
			text = Float(v)
		case bool:
			text = Bool(v)
		}
		wantPath, err := runtime.StyleParamWithOptions("simple", false, "p", v, runtime.StyleParamOptions{ParamLocation: runtime.ParamLocationPath})
		if err != nil {
			t.Fatal(err)
		}
		if got := string(appendEscaped(nil, text, pathSegment)); got != wantPath {
			t.Errorf("path %#v: %q, runtime %q", v, got, wantPath)
		}
		wantQuery, err := runtime.StyleParamWithOptions("form", true, "a b", v, runtime.StyleParamOptions{ParamLocation: runtime.ParamLocationQuery})
		if err != nil {
			t.Fatal(err)
		}
		u, _ := URL("https://h", "/x")
		u.Query("a b", text)
		if got := u.String(); got != "https://h/x?"+wantQuery {
			t.Errorf("query %#v: %q, runtime %q", v, got, wantQuery)
		}
	}
}

func TestURL(t *testing.T) {
	for _, c := range []struct {
		server, path string
		values       []string
		want         string
	}{
		{"https://kms.example.com", "/v1/{project_id}/kms/list-keys", []string{"p1"}, "https://kms.example.com/v1/p1/kms/list-keys"},
		{"https://h/", "/v1/{a}/{b}", []string{"x/y", "a b"}, "https://h/v1/x%2Fy/a%20b"},
		{"https://h/proxy", "/v1/{a}.json", []string{"k"}, "https://h/proxy/v1/k.json"},
		{"https://h", "v2/x", nil, "https://h/v2/x"},
		{"https://h", "/v3/auth/tokens#KeystoneCreateUserTokenByPassword", nil, "https://h/v3/auth/tokens#KeystoneCreateUserTokenByPassword"},
		{"https://h", "/v1/{a}#Second", []string{"b#c"}, "https://h/v1/b%23c#Second"},
		{"http://127.0.0.1:8080//", "/{id}", []string{"..."}, "http://127.0.0.1:8080/..."},
	} {
		u, err := URL(c.server, c.path, c.values...)
		if got := u.String(); err != nil || got != c.want {
			t.Errorf("URL(%q, %q, %q) = %q, %v; want %q", c.server, c.path, c.values, got, err, c.want)
		}
	}
	for _, c := range []struct {
		server, path string
		values       []string
		want         string
	}{
		{"https://h", "/v1/{id}/x", []string{""}, "path parameter id is empty"},
		{"https://h", "/v1/{id}/x", []string{".."}, `path parameter id is ".."`},
		{"https://h", "/v1/{id}/x", []string{"."}, `path parameter id is "."`},
		{"https://h", "/v1/{id}/x", nil, "more parameters"},
		{"https://h", "/v1/{id}/x", []string{"a", "b"}, "fewer parameters"},
		{"https://h", "/v1/{id", []string{"a"}, "fewer parameters"},
		{"https://h?token=secret", "/x", nil, "has a query"},
		{"https://h#f", "/x", nil, "has a query or fragment"},
	} {
		_, err := URL(c.server, c.path, c.values...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("URL(%q, %q, %q): %v, want %q", c.server, c.path, c.values, err, c.want)
		}
		if err != nil && strings.Contains(err.Error(), "secret") {
			t.Errorf("error quotes the server's query: %v", err)
		}
	}
}

func TestQueryOrder(t *testing.T) {
	u, _ := URL("https://h", "/router/rest#taobao.item.get")
	u.Query("limit", Int(10))
	u.RawQuery("")
	u.RawQuery("tags=a&tags=b")
	u.Query("marker", "m&n")
	got := u.String()
	if want := "https://h/router/rest?limit=10&tags=a&tags=b&marker=m%26n#taobao.item.get"; got != want {
		t.Fatalf("%s, want %s", got, want)
	}
	parsed, err := url.Parse(got)
	if err != nil || parsed.Fragment != "taobao.item.get" || parsed.Query().Get("marker") != "m&n" {
		t.Fatalf("%v, %+v", err, parsed)
	}
}

// Two allocations for a URL with path and query parameters: the buffer and
// the string http.NewRequest takes.
func TestURLAllocatesOnce(t *testing.T) {
	n := testing.AllocsPerRun(100, func() {
		u, err := URL("https://vpc.cn-north-4.myhuaweicloud.com", "/v1/{project_id}/vpcs/{vpc_id}", "0123456789abcdef0123456789abcdef", "3ec3b33f-ac1c-4630-ad1c-7dba1ed79d85")
		if err != nil {
			t.Fatal(err)
		}
		u.Query("limit", "10")
		u.Query("marker", "3ec3b33f-ac1c-4630-ad1c-7dba1ed79d85")
		_ = u.String()
	})
	if n != 2 {
		t.Fatalf("%v allocations, want 2 (the buffer and the string)", n)
	}
}

func FuzzEscapingMatchesNetURL(f *testing.F) {
	for _, s := range []string{"", "a b", "x/y?z#w", "%zz", "\xff\x00中", "$&+,/:;=?@"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendEscaped(nil, s, pathSegment)), url.PathEscape(s); got != want {
			t.Fatalf("path %q: %q, net/url %q", s, got, want)
		}
		if got, want := string(appendEscaped(nil, s, queryComponent)), url.QueryEscape(s); got != want {
			t.Fatalf("query %q: %q, net/url %q", s, got, want)
		}
	})
}

// A server net/url cannot parse fails without quoting the query, whose
// values may be a caller's.
func TestNewRequestErrorNamesTheServerOnly(t *testing.T) {
	u, err := URL("https://h\x7f", "/v1/{id}", "x")
	if err != nil {
		t.Fatal(err)
	}
	u.Query("marker", "secret-marker-value")
	_, err = u.NewRequest("GET", nil)
	if err == nil || strings.Contains(err.Error(), "secret-marker") || !strings.Contains(err.Error(), `https://h\x7f`) {
		t.Fatalf("err = %v", err)
	}
	u, _ = URL("https://h", "/v1/{id}#Op", "x")
	req, err := u.NewRequest("PUT", strings.NewReader("{}"))
	if err != nil || req.Method != "PUT" || req.URL.Path != "/v1/x" || req.URL.Fragment != "Op" || req.ContentLength != 2 {
		t.Fatalf("%v %+v", err, req)
	}
}
