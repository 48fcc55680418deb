package constraints

import (
	"encoding/json"
	"testing"

	"github.com/docapi/docapi/generated/csms"
	"github.com/docapi/docapi/generated/ecs"
)

// TestGeneratedEnumDecodesUnknownValues decodes values the page does not
// list into the enum types oapi-codegen made from this stage's enums
// (generated/csms): a service that starts returning a new state must not
// break its clients. The constants carry their type's name
// (always-prefix-enum-values), so two enums with a value in common never clash.
func TestGeneratedEnumDecodesUnknownValues(t *testing.T) {
	var secret csms.CreateSecretSecret
	if err := json.Unmarshal([]byte(`{"state":"ARCHIVED_IN_2030"}`), &secret); err != nil {
		t.Fatalf("decoding an unlisted state: %v", err)
	}
	if secret.State != "ARCHIVED_IN_2030" {
		t.Fatalf("state = %v, want the unlisted value kept", secret.State)
	}
	if secret.State.Valid() {
		t.Error("an unlisted state reports Valid")
	}
	known := csms.CreateSecretSecretStateENABLED
	if !known.Valid() || string(known) != "ENABLED" {
		t.Errorf("CreateSecretSecretStateENABLED = %q (valid %v)", known, known.Valid())
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

// TestGeneratedIntegerEnumDecodesUnknownValues: an integer enum from a list
// of numbers (ECS power states "0 : pending" …) takes a number the page does
// not list just as well.
func TestGeneratedIntegerEnumDecodesUnknownValues(t *testing.T) {
	var server ecs.ListServersDetailsServer
	if err := json.Unmarshal([]byte(`{"OS-EXT-STS:power_state":7}`), &server); err != nil {
		t.Fatalf("decoding an unlisted power state: %v", err)
	}
	if server.OSEXTSTSPowerState != 7 || server.OSEXTSTSPowerState.Valid() {
		t.Errorf("power state = %v, want 7 kept and not Valid", server.OSEXTSTSPowerState)
	}
	if !ecs.ListServersDetailsServerOSEXTSTSPowerStateN4.Valid() {
		t.Error("a listed power state is not Valid")
	}
}
