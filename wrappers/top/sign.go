package top

import (
	"cmp"
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha256"
	"errors"
	"fmt"
	"slices"

	"github.com/docapi/docapi/wrappers/secret"
)

// SignMethod is the value of TOP's sign_method system parameter.
type SignMethod string

// The sign methods the TOP gateway accepts.
const (
	SignMD5        SignMethod = "md5"         // MD5(secret + s + secret)
	SignHMAC       SignMethod = "hmac"        // HMAC-MD5(key=secret, s)
	SignHMACSHA256 SignMethod = "hmac-sha256" // HMAC-SHA256(key=secret, s)
)

// Valid reports whether m is one of the sign methods above.
func (m SignMethod) Valid() bool {
	switch m {
	case SignMD5, SignHMAC, SignHMACSHA256:
		return true
	}
	return false
}

// param is one form parameter; the Transport keeps parameters as a slice
// sorted by name, which is both the signing order and the body order.
type param struct{ name, value string }

func sortParams(ps []param) {
	slices.SortFunc(ps, func(a, b param) int { return cmp.Compare(a.name, b.name) })
}

// Sign computes the TOP request signature over params with the app secret.
//
// The signed string s is name+value of every parameter except "sign", sorted
// by name (byte order), with raw (not URL-escaped) values. Parameters with an
// empty value are skipped, as the official SDKs never send them. File (byte
// array) parameters are excluded from TOP signatures; they cannot be expressed
// in a map[string]string, so the caller simply leaves them out. The result is
// uppercase hex.
func Sign(params map[string]string, appSecret secret.Value, method SignMethod) (string, error) {
	ps := make([]param, 0, len(params))
	for k, v := range params {
		ps = append(ps, param{k, v})
	}
	sortParams(ps)
	return signSorted(ps, appSecret, method)
}

// signSorted is Sign over parameters already sorted by name. The signed
// string is built in one buffer (on the stack for md5 when it fits), which
// is cleared afterwards as it holds the secret (md5) or the session.
func signSorted(ps []param, appSecret secret.Value, method SignMethod) (string, error) {
	if appSecret.IsZero() {
		return "", errors.New("top: sign: empty app secret")
	}
	key := appSecret.Reveal()
	var hex [2 * sha256.Size]byte
	switch method {
	case SignMD5:
		var stack [1024]byte
		buf := stack[:0]
		if n := 2*len(key) + signedLen(ps); n > len(stack) {
			buf = make([]byte, 0, n)
		}
		buf = append(buf, key...)
		buf = appendSigned(buf, ps)
		buf = append(buf, key...)
		sum := md5.Sum(buf)
		clear(buf)
		return string(appendUpperHex(hex[:0], sum[:])), nil
	case SignHMAC, SignHMACSHA256:
		h := hmac.New(md5.New, []byte(key))
		if method == SignHMACSHA256 {
			h = hmac.New(sha256.New, []byte(key))
		}
		buf := appendSigned(make([]byte, 0, signedLen(ps)), ps)
		h.Write(buf)
		clear(buf)
		return string(appendUpperHex(hex[:0], h.Sum(nil))), nil
	}
	return "", fmt.Errorf("top: sign: unsupported sign method %q", string(method))
}

// signedLen is an upper bound of the length of the signed string.
func signedLen(ps []param) int {
	n := 0
	for _, p := range ps {
		n += len(p.name) + len(p.value)
	}
	return n
}

// appendSigned appends name+value of every parameter but "sign" and those
// with an empty value.
func appendSigned(buf []byte, ps []param) []byte {
	for _, p := range ps {
		if p.name == "" || p.name == "sign" || p.value == "" {
			continue
		}
		buf = append(buf, p.name...)
		buf = append(buf, p.value...)
	}
	return buf
}

// appendUpperHex is strings.ToUpper(hex.EncodeToString(b)) appended to dst.
func appendUpperHex(dst, b []byte) []byte {
	const digits = "0123456789ABCDEF"
	for _, c := range b {
		dst = append(dst, digits[c>>4], digits[c&0x0f])
	}
	return dst
}
