package model

type ListThingsRequest struct {
	ThingId   string             `json:"thing_id"`
	Limit     *int32             `json:"limit,omitempty"`
	Id        *[]string          `json:"id,omitempty"`
	XLanguage *string            `json:"X-Language,omitempty"`
	Body      *ListThingsReqBody `json:"body,omitempty"`
}

type ListThingsReqBody struct {
	Values map[string]string `json:"values"`
	Kind   *ThingKind        `json:"kind,omitempty"`
	Note   *string           `json:"note,omitempty"`
}

type ThingKind struct {
	value string
}

type ThingKindEnum struct {
	A ThingKind
	B ThingKind
}

func GetThingKindEnum() ThingKindEnum {
	return ThingKindEnum{
		A: ThingKind{value: "a"},
		B: ThingKind{value: "b"},
	}
}

type ListThingsResponse struct {
	Parts          *[]Part `json:"parts,omitempty"`
	Total          *int32  `json:"total,omitempty"`
	XRequestId     *string `json:"X-Request-Id,omitempty"`
	HttpStatusCode int     `json:"-"`
}

type Part struct {
	Id   string `json:"id"`
	Size *int64 `json:"size,omitempty"`
	Next *Part  `json:"next,omitempty"`
}
