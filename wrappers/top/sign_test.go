package top

import (
	"crypto/md5"
	"strings"
	"testing"

	"github.com/docapi/docapi/wrappers/secret"
)

// officialParams is the parameter set of TOP's published signing example
// ("API调用方法详解", open.taobao.com docId=101617, also reproduced by many SDK
// test suites), with secret "helloworld".
func officialParams(signMethod string) map[string]string {
	return map[string]string{
		"method":      "taobao.item.seller.get",
		"app_key":     "12345678",
		"session":     "test",
		"timestamp":   "2016-01-01 12:00:00",
		"format":      "json",
		"v":           "2.0",
		"sign_method": signMethod,
		"fields":      "num_iid,title,nick,price,num",
		"num_iid":     "11223344",
	}
}

func TestSignVectors(t *testing.T) {
	tests := []struct {
		name   string
		params map[string]string
		secret string
		method SignMethod
		want   string
	}{
		{
			// Published by TOP (docId=101617): md5 of
			// "helloworld" + "app_key12345678...v2.0" + "helloworld".
			name:   "official md5",
			params: officialParams("md5"),
			secret: "helloworld",
			method: SignMD5,
			want:   "66987CB115214E59E6EC978214934FB8",
		},
		{
			// TOP publishes no hmac vector. Derived independently with OpenSSL:
			//   printf %s 'app_key12345678fieldsnum_iid,title,nick,price,numformatjsonmethodtaobao.item.seller.getnum_iid11223344sessiontestsign_methodhmactimestamp2016-01-01 12:00:00v2.0' | openssl dgst -md5 -hmac helloworld
			name:   "official params, hmac (openssl)",
			params: officialParams("hmac"),
			secret: "helloworld",
			method: SignHMAC,
			want:   "D56D7858309C31B6251083A874D48273",
		},
		{
			// TOP publishes no hmac-sha256 vector. Derived independently with OpenSSL:
			//   printf %s 'app_key12345678fieldsnum_iid,title,nick,price,numformatjsonmethodtaobao.item.seller.getnum_iid11223344sessiontestsign_methodhmac-sha256timestamp2016-01-01 12:00:00v2.0' | openssl dgst -sha256 -hmac helloworld
			name:   "official params, hmac-sha256 (openssl)",
			params: officialParams("hmac-sha256"),
			secret: "helloworld",
			method: SignHMACSHA256,
			want:   "04DB15AD0774D5CFCE2C837DE43E3FCEA9011ED74F3038FB6AB5F3C4CEA119E8",
		},
		{
			// RFC 2202 section 2, HMAC-MD5 test case 1: key 0x0b*16,
			// data "Hi There"; the single parameter concatenates to that data.
			name:   "RFC 2202 case 1",
			params: map[string]string{"Hi": " There"},
			secret: strings.Repeat("\x0b", 16),
			method: SignHMAC,
			want:   "9294727A3638BB1C13F48EF8158BFC9D",
		},
		{
			// RFC 2202 section 2, HMAC-MD5 test case 2: key "Jefe".
			name:   "RFC 2202 case 2",
			params: map[string]string{"what": " do ya want for nothing?"},
			secret: "Jefe",
			method: SignHMAC,
			want:   "750C783E6AB0B503EAA86E310A5DB738",
		},
		{
			// RFC 4231 section 4.2, HMAC-SHA-256 test case 1: key 0x0b*20.
			name:   "RFC 4231 case 1",
			params: map[string]string{"Hi": " There"},
			secret: strings.Repeat("\x0b", 20),
			method: SignHMACSHA256,
			want:   "B0344C61D8DB38535CA8AFCEAF0BF12B881DC200C9833DA726E9376C2E32CFF7",
		},
		{
			// RFC 4231 section 4.3, HMAC-SHA-256 test case 2: key "Jefe".
			name:   "RFC 4231 case 2",
			params: map[string]string{"what": " do ya want for nothing?"},
			secret: "Jefe",
			method: SignHMACSHA256,
			want:   "5BDCC146BF60754E6A042426089575C75A003F089D2739839DEC58B964EC3843",
		},
		{
			// Raw (unescaped) UTF-8 values; "sign" and empty values left out.
			// Derived with OpenSSL (printf's %% is a literal %):
			//   printf 'helloworlda1q非法 参数&x=1+%%20helloworld' | openssl dgst -md5
			name: "raw values, sign and empty skipped (openssl)",
			params: map[string]string{
				"q": "非法 参数&x=1+%20", "a": "1", "empty": "", "sign": "ABCDEF",
			},
			secret: "helloworld",
			method: SignMD5,
			want:   "CA8A90B81FF609E283E698B8EDE23FEE",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Sign(tc.params, secret.New(tc.secret), tc.method)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("Sign = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestSignErrors(t *testing.T) {
	p := officialParams("md5")
	if _, err := Sign(p, secret.Value{}, SignMD5); err == nil {
		t.Error("empty secret: want error")
	}
	_, err := Sign(p, secret.New("helloworld"), "sha1")
	if err == nil || strings.Contains(err.Error(), "helloworld") {
		t.Errorf("unknown method: err = %v", err)
	}
}

// BenchmarkSign: the md5 signer beside a bare MD5 of the same signed string
// (built beforehand), in the same run; "sorted" is what the Transport runs
// (parameters already sorted), "map" the exported Sign.
func BenchmarkSign(b *testing.B) {
	params := officialParams("md5")
	key := secret.New("helloworld")
	ps := make([]param, 0, len(params))
	for k, v := range params {
		ps = append(ps, param{k, v})
	}
	sortParams(ps)
	signed := []byte("helloworld")
	for _, p := range ps {
		signed = append(append(signed, p.name...), p.value...)
	}
	signed = append(signed, "helloworld"...)
	var sink byte
	b.Run("md5", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			s := md5.Sum(signed)
			sink ^= s[0]
		}
	})
	b.Run("sorted", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			s, err := signSorted(ps, key, SignMD5)
			if err != nil {
				b.Fatal(err)
			}
			sink ^= s[0]
		}
	})
	b.Run("map", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			s, err := Sign(params, key, SignMD5)
			if err != nil {
				b.Fatal(err)
			}
			sink ^= s[0]
		}
	})
	_ = sink
}
