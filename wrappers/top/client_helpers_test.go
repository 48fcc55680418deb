package top

import (
	"context"
	"fmt"

	gentop "github.com/docapi/docapi/generated/top"
)

const tokenGetMethod = "alibaba.security.deepvision.proxy.security.common.token.get"

// securityTokenGet is what generated/top/topapi's method does (that package
// imports this one, so internal tests cannot use it), plus the check that
// the documented result is there.
func securityTokenGet(c *Client, ctx context.Context, p gentop.SecurityTokenQueryParam) (*gentop.SecurityTokenCredential, error) {
	op := &Operation{Name: "AlibabaSecurityDeepvisionProxySecurityCommonTokenGet", Method: tokenGetMethod, Idempotent: true}
	var env gentop.AlibabaSecurityDeepvisionProxySecurityCommonTokenGetEnvelope
	if err := c.Call(ctx, op, gentop.AlibabaSecurityDeepvisionProxySecurityCommonTokenGetRequest{Param: &p}, &env); err != nil {
		return nil, err
	}
	if r := env.AlibabaSecurityDeepvisionProxySecurityCommonTokenGetResponse.Result; r != nil {
		return r, nil
	}
	return nil, &ResponseError{Method: tokenGetMethod, Err: fmt.Errorf("%w: no result", ErrMalformedResponse)}
}
