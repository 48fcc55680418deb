// Command nethttp gets an IAM token, lists CSMS secrets and queries a
// ModelArts instance with net/http and encoding/json alone.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
)

func call(method, url, token string, in, out any) (*http.Response, error) {
	var body bytes.Buffer
	if in != nil {
		if err := json.NewEncoder(&body).Encode(in); err != nil {
			return nil, err
		}
	}
	req, err := http.NewRequest(method, url, &body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("X-Auth-Token", token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return nil, fmt.Errorf("%s %s: %s", method, url, resp.Status)
	}
	return resp, json.NewDecoder(resp.Body).Decode(out)
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: nethttp ENDPOINT")
		os.Exit(2)
	}
	ep, pid := os.Args[1], os.Getenv("HUAWEICLOUD_SDK_PROJECT_ID")
	auth := map[string]any{"auth": map[string]any{
		"identity": map[string]any{"methods": []string{"password"}, "password": map[string]any{"user": map[string]any{
			"domain": map[string]string{"name": os.Getenv("DOMAIN")}, "name": os.Getenv("USER"), "password": os.Getenv("PASSWORD")}}},
		"scope": map[string]any{"project": map[string]string{"id": pid}}}}
	var tok struct {
		Token struct {
			ExpiresAt string `json:"expires_at"`
		} `json:"token"`
	}
	resp, err := call("POST", ep+"/v3/auth/tokens?nocatalog=true", "", auth, &tok)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	token := resp.Header.Get("X-Subject-Token")
	var secrets struct {
		Resources []struct {
			ResourceName string `json:"resource_name"`
		} `json:"resources"`
	}
	if _, err := call("POST", ep+"/v1/"+pid+"/csms/resource_instances/action", token,
		map[string]string{"action": "filter", "limit": "10"}, &secrets); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var inst struct {
		Token string `json:"token"`
	}
	if _, err := call("GET", ep+"/v1/"+pid+"/demanager/instances/"+os.Getenv("INSTANCE")+"/token", token, nil, &inst); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(tok.Token.ExpiresAt, len(secrets.Resources), len(inst.Token) > 0)
}
