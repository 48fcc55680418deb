package huawei

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/docapi/docapi/wrappers/secret"
)

func envFrom(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestCredentialsFromEnv(t *testing.T) {
	cred, err := CredentialsFromEnv(envFrom(map[string]string{
		"HUAWEICLOUD_SDK_AK":             "AK1",
		"HUAWEICLOUD_SDK_SK":             "sk-value-1",
		"HUAWEICLOUD_SDK_SECURITY_TOKEN": "token-value-1",
		"HUAWEICLOUD_SDK_PROJECT_ID":     "proj1",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if cred.AccessKey != "AK1" || cred.SecretKey.Reveal() != "sk-value-1" ||
		cred.SecurityToken.Reveal() != "token-value-1" || cred.ProjectID != "proj1" {
		t.Fatalf("got %+v", cred)
	}
	// Token and project are optional.
	cred, err = CredentialsFromEnv(envFrom(map[string]string{"HUAWEICLOUD_SDK_AK": "AK1", "HUAWEICLOUD_SDK_SK": "sk"}))
	if err != nil || !cred.SecurityToken.IsZero() || cred.ProjectID != "" {
		t.Fatalf("cred=%+v err=%v", cred, err)
	}
}

func TestCredentialsFromEnvNamesMissingVariables(t *testing.T) {
	cases := []struct {
		env     map[string]string
		missing []string
	}{
		{map[string]string{}, []string{"HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK"}},
		{map[string]string{"HUAWEICLOUD_SDK_SK": "sk-must-not-leak"}, []string{"HUAWEICLOUD_SDK_AK"}},
		{map[string]string{"HUAWEICLOUD_SDK_AK": "AK1", "HUAWEICLOUD_SDK_SECURITY_TOKEN": "tok-must-not-leak"}, []string{"HUAWEICLOUD_SDK_SK"}},
	}
	for _, c := range cases {
		_, err := CredentialsFromEnv(envFrom(c.env))
		if err == nil {
			t.Fatalf("env %v: no error", c.env)
		}
		for _, name := range c.missing {
			if !strings.Contains(err.Error(), name) {
				t.Errorf("error %q does not name %s", err, name)
			}
		}
		if strings.Contains(err.Error(), "must-not-leak") {
			t.Errorf("error leaks a value: %q", err)
		}
	}
}

func TestCredentialsNeverPrintSecrets(t *testing.T) {
	cred := Credentials{AccessKey: "AK1", SecretKey: secret.New("sk-must-not-leak"),
		SecurityToken: secret.New("tok-must-not-leak"), ProjectID: "p"}
	js, err := json.Marshal(cred)
	if err != nil {
		t.Fatal(err)
	}
	var logged bytes.Buffer
	slog.New(slog.NewJSONHandler(&logged, nil)).Info("cred", "cred", cred)
	outs := []string{
		fmt.Sprintf("%v", cred), fmt.Sprintf("%+v", cred), fmt.Sprintf("%#v", cred), fmt.Sprint(&cred),
		string(js), logged.String(),
	}
	for _, out := range outs {
		if strings.Contains(out, "must-not-leak") {
			t.Errorf("secret printed: %s", out)
		}
	}
}

func TestCredentialsAsProvider(t *testing.T) {
	var p CredentialsProvider = Credentials{AccessKey: "AK1", SecretKey: secret.New("s")}
	got, err := p.Retrieve(context.Background())
	if err != nil || got.AccessKey != "AK1" {
		t.Fatalf("got %+v, %v", got, err)
	}
	if err := got.Validate(); err != nil {
		t.Fatal(err)
	}
}
