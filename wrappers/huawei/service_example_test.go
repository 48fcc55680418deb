package huawei_test

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"strings"

	"github.com/docapi/docapi/generated/vpc"
	"github.com/docapi/docapi/generated/vpc/vpcapi"
	"github.com/docapi/docapi/wrappers/huawei"
)

// The generic setup: one huawei.Config applied to a generated client
// (here VPC, which no hand-written Go names). The endpoint comes from the
// spec's servers, the project id from the credentials, and every call
// returns the typed body or a typed error.
func ExampleNewClient() {
	fake := &fakeVPC{auth: akskAuth(exampleCredentials.AccessKey, exampleCredentials.SecretKey.Reveal()),
		projectID: exampleProjectID, ids: []string{"vpc-1"}}
	srv := httptest.NewServer(fake)
	defer srv.Close()

	fmt.Println(vpcapi.Service.Endpoint("cn-north-4"))

	// In production: huawei.Config{Region: "cn-north-4", Credentials: cred}.
	c, err := vpcapi.New(huawei.Config{Endpoint: srv.URL, Credentials: exampleCredentials, HTTPClient: srv.Client()})
	if err != nil {
		fmt.Println(err)
		return
	}
	out, err := c.ShowAddressGroup(context.Background(), "vpc-1")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(out.AddressGroup.Name)

	_, err = c.ShowAddressGroup(context.Background(), "vpc-2")
	var apiErr *huawei.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.StatusCode, apiErr.Code)
	}

	// The same configured runtime serves oapi-codegen's raw client.
	rt := c.Runtime()
	raw, err := vpc.NewClientWithResponses(rt.Server(), vpc.WithHTTPClient(rt.HTTPClient()))
	if err != nil {
		fmt.Println(err)
		return
	}
	resp, err := raw.ShowAddressGroupWithResponse(context.Background(), rt.IDs().Project, "vpc-1")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(resp.StatusCode(), resp.JSON200.AddressGroup.ID)
	// Output:
	// https://vpc.cn-north-4.myhuaweicloud.com <nil>
	// group-vpc-1
	// 404 VPC.0202
	// 200 vpc-1
}

// Pagination: every list operation the spec marks with x-docapi-pagination
// has an <Operation>All method, an iter.Seq2 over the items of every page.
// ListVpcs pages by marker: page_info.next_marker of one page is the marker
// of the next.
func Example_pagination() {
	fake := &fakeVPC{auth: akskAuth(exampleCredentials.AccessKey, exampleCredentials.SecretKey.Reveal()),
		projectID: exampleProjectID, ids: []string{"a", "b", "c", "d", "e"}}
	srv := httptest.NewServer(fake)
	defer srv.Close()
	c, err := vpcapi.New(huawei.Config{Endpoint: srv.URL, Credentials: exampleCredentials, HTTPClient: srv.Client()})
	if err != nil {
		fmt.Println(err)
		return
	}
	limit := int64(2)
	var ids []string
	for v, err := range c.ListVpcsAll(context.Background(), &vpc.ListVpcsParams{Limit: &limit}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		ids = append(ids, v.ID)
	}
	fmt.Println(strings.Join(ids, " "))
	fmt.Println(len(fake.requests), "requests")
	// Output:
	// a b c d e
	// 3 requests
}
