package constraints

import (
	"encoding/json"
	"testing"

	"github.com/docapi/docapi/generated/csms"
)

// TestGeneratedEnumDecodesUnknownValues decodes values the page does not
// list into the enum types oapi-codegen made from this stage's enums
// (generated/csms): a service that starts returning a new state must not
// break its clients. The constants carry their type's name
// (always-prefix-enum-values), so two enums with a value in common never clash.
func TestGeneratedEnumDecodesUnknownValues(t *testing.T) {
	var secret csms.Secret
	if err := json.Unmarshal([]byte(`{"state":"ARCHIVED_IN_2030"}`), &secret); err != nil {
		t.Fatalf("decoding an unlisted state: %v", err)
	}
	if secret.State == nil || *secret.State != "ARCHIVED_IN_2030" {
		t.Fatalf("state = %v, want the unlisted value kept", secret.State)
	}
	if secret.State.Valid() {
		t.Error("an unlisted state reports Valid")
	}
	known := csms.SecretStateENABLED
	if !known.Valid() || string(known) != "ENABLED" {
		t.Errorf("SecretStateENABLED = %q (valid %v)", known, known.Valid())
	}
	var body csms.ListResourceInstancesRequestBody
	if err := json.Unmarshal([]byte(`{"action":"summarise"}`), &body); err != nil {
		t.Fatalf("decoding an unlisted action: %v", err)
	}
	out, err := json.Marshal(body)
	if err != nil || string(out) != `{"action":"summarise"}` {
		t.Errorf("re-encoded %s (%v), want the unlisted value unchanged", out, err)
	}
}
