package top

import (
	"errors"
	"net/url"
	"strings"
	"testing"
)

func TestResponseKey(t *testing.T) {
	for in, want := range map[string]string{
		apiName:                  "alibaba_security_deepvision_proxy_security_common_token_get_response",
		"taobao.item.seller.get": "item_seller_get_response", // SDKs drop "taobao."
		"tmall.item.update":      "tmall_item_update_response",
	} {
		if got := ResponseKey(in); got != want {
			t.Errorf("ResponseKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUnwrapResponse(t *testing.T) {
	inner, err := UnwrapResponse("taobao.item.seller.get", []byte(`{"item_seller_get_response":{"item":{"num_iid":9007199254740993}}}`))
	if err != nil || string(inner) != `{"item":{"num_iid":9007199254740993}}` {
		t.Errorf("taobao. prefix: %s, %v", inner, err)
	}
	// The full name is accepted too, in case a gateway does not drop the prefix.
	if _, err := UnwrapResponse("taobao.item.seller.get", []byte(`{"taobao_item_seller_get_response":{}}`)); err != nil {
		t.Errorf("full name: %v", err)
	}
	_, err = UnwrapResponse("x.y", []byte(`{"error_response":{"code":"7","msg":"App Call Limited","sub_code":"accesscontrol.limited-by-app-access-count"}}`))
	var te *Error
	if !errors.As(err, &te) || te.Code != "7" || te.Method != "x.y" {
		t.Errorf("string code: %#v", err)
	}
	for _, bad := range []string{``, `null`, `[]`, `{}`, `{"x_y_response":[]}`, `{"x_y_response":{}}{}`} {
		if _, err := UnwrapResponse("x.y", []byte(bad)); err == nil {
			t.Errorf("%q: want error", bad)
		}
	}
}

func TestEncodeParams(t *testing.T) {
	type obj struct {
		ProductCode string  `json:"product_code"`
		Token       *string `json:"token,omitempty"`
	}
	// Shaped like an oapi-codegen form body: pointer members, json tags.
	body := struct {
		Param  *obj    `form:"param,omitempty" json:"param,omitempty"`
		Nick   *string `json:"nick,omitempty"`
		Fields string  `json:"fields"`
		NumIID int64   `json:"num_iid"`
		IsB2C  bool    `json:"is_b2c"`
		IDs    []int   `json:"ids"`
		Unset  *string `json:"unset"`
	}{
		Param:  &obj{ProductCode: "1"},
		Fields: "num_iid,title",
		NumIID: 9007199254740993,
		IsB2C:  true,
		IDs:    []int{1, 2},
	}
	got, err := EncodeParams(body)
	if err != nil {
		t.Fatal(err)
	}
	want := url.Values{
		"param":   {`{"product_code":"1"}`},
		"fields":  {"num_iid,title"},
		"num_iid": {"9007199254740993"},
		"is_b2c":  {"true"},
		"ids":     {"1,2"},
	}
	if got.Encode() != want.Encode() {
		t.Errorf("EncodeParams = %v, want %v", got, want)
	}
	if _, err := EncodeParams([]int{1}); err == nil {
		t.Error("non-object: want error")
	}
}

// TestEncodeParamsLists: TOP takes "String []" and "Number []" parameters
// comma-separated; lists of objects go as JSON like objects do.
func TestEncodeParamsLists(t *testing.T) {
	type line struct {
		SKU string `json:"sku"`
	}
	got, err := EncodeParams(map[string]any{
		"tags":  []string{"a", "b c", "非法"},
		"ids":   []int64{9007199254740993, 2},
		"flags": []bool{true, false},
		"lines": []line{{"x"}, {"y"}},
		"empty": []string{},
		"nil":   []string(nil),
	})
	if err != nil {
		t.Fatal(err)
	}
	want := url.Values{
		"tags":  {"a,b c,非法"},
		"ids":   {"9007199254740993,2"},
		"flags": {"true,false"},
		"lines": {`[{"sku":"x"},{"sku":"y"}]`},
	}
	if got.Encode() != want.Encode() {
		t.Errorf("EncodeParams = %v, want %v", got, want)
	}
	for name, bad := range map[string]any{
		"comma in item": map[string]any{"tags": []string{"a", "s3cr,et"}},
		"null item":     map[string]any{"tags": []*string{nil}},
	} {
		_, err := EncodeParams(bad)
		if err == nil {
			t.Errorf("%s: want error", name)
		} else if strings.Contains(err.Error(), "s3cr") {
			t.Errorf("%s: error shows the value: %v", name, err)
		}
	}
}
