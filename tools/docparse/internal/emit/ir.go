package emit

import "github.com/docapi/docapi/tools/docparse/internal/model"

// The IR is what resolution decided, in the order the writer writes it.
// Nothing in it needs checking again: names are final, invalid parts are
// gone, values are normalized JSON (map[string]any, []any, string,
// json.Number, bool, nil).

type spec struct {
	info    Info
	servers []Server
	paths   []*pathIR
	schemas []*componentIR   // sorted by name
	schemes []SecurityScheme // the ones in use, sorted by name
	// security is the default requirement; each operation's own is
	// written only where it differs.
	security []string
}

type pathIR struct {
	path string
	ops  []*opIR
}

type opIR struct {
	method, id           string // method in lower case
	summary, description string
	params               []*paramIR
	requestBody          *bodyIR
	responses            []*responseIR
	security             []string
	ownSecurity          bool // security is written, even when empty
	extensions           []extensionIR
	source               model.Loc
}

type extensionIR struct {
	key   string
	value any
}

type paramIR struct {
	name, in, description string
	required              bool
	commaJoined           bool // explode: false
	schema                *schemaIR
	source                model.Loc
}

type bodyIR struct {
	required  bool
	mediaType string
	schema    *schemaIR // nil: none
	examples  []exampleIR
	encoding  []encodingIR
}

type exampleIR struct {
	key, summary string
	value        any
}

type encodingIR struct{ property, contentType string }

type responseIR struct {
	status, description string
	headers             []*headerIR
	body                *bodyIR
}

type headerIR struct {
	name, description string
	required          bool
	secret            bool // x-docapi-secret: a credential, kept out of logs
	schema            *schemaIR
}

type componentIR struct {
	name   string
	schema *schemaIR
}

// schemaIR is one schema. With ref set it is a reference and nothing else
// is written; one schemaIR may be written in several places.
type schemaIR struct {
	ref                  string // component name
	typ, format          string
	description          string
	nullable             bool
	enum                 []any
	required             []string
	properties           []propIR
	items                *schemaIR
	additional           *schemaIR // additionalProperties: <schema>
	additionalAny        bool      // additionalProperties: true
	minLength, maxLength int       // 0: not written
	minimum, maximum     *float64
	def                  any
	hasDefault           bool
	example              any
	hasExample           bool
	constraints          []model.Constraint
	source               model.Loc // components: the table
}

// propIR is an object member. description is what to write on an inline
// schema (the property's own words win); a $ref carries none.
type propIR struct {
	name, description string
	schema            *schemaIR
	source            *model.Loc // the row, in the model: not copied, as large tables have millions
}
