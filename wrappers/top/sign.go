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
// string is built in one buffer, which is cleared afterwards as it holds the
// secret (md5) or the session.
func signSorted(ps []param, appSecret secret.Value, method SignMethod) (string, error) {
	if appSecret.IsZero() {
		return "", errors.New("top: sign: empty app secret")
	}
	if !method.Valid() {
		return "", fmt.Errorf("top: sign: unsupported sign method %q", string(method))
	}
	key := appSecret.Reveal()
	n := 2 * len(key)
	for _, p := range ps {
		n += len(p.name) + len(p.value)
	}
	buf := make([]byte, 0, n)
	if method == SignMD5 {
		buf = append(buf, key...)
	}
	for _, p := range ps {
		if p.name == "" || p.name == "sign" || p.value == "" {
			continue
		}
		buf = append(buf, p.name...)
		buf = append(buf, p.value...)
	}
	var sum [sha256.Size]byte
	var digest []byte
	switch method {
	case SignMD5:
		buf = append(buf, key...)
		s := md5.Sum(buf)
		digest = append(sum[:0], s[:]...)
	case SignHMAC:
		h := hmac.New(md5.New, []byte(key))
		h.Write(buf)
		digest = h.Sum(sum[:0])
	case SignHMACSHA256:
		h := hmac.New(sha256.New, []byte(key))
		h.Write(buf)
		digest = h.Sum(sum[:0])
	}
	clear(buf)
	return upperHex(digest), nil
}

// upperHex is strings.ToUpper(hex.EncodeToString(b)) in one allocation.
func upperHex(b []byte) string {
	const digits = "0123456789ABCDEF"
	out := make([]byte, 2*len(b))
	for i, c := range b {
		out[2*i] = digits[c>>4]
		out[2*i+1] = digits[c&0x0f]
	}
	return string(out)
}
