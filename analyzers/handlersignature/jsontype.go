package handlersignature

import (
	"cmp"
	"fmt"
	"go/types"
	"reflect"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/tools/go/types/typeutil"
)

// maxDepth bounds the walk through nested types.
const maxDepth = 32

// A jsonProblem is a type that encoding/json cannot encode, and where a
// result type reaches it.
type jsonProblem struct {
	typ   types.Type
	path  string // "Resp.Items[i].Done", or "" for the result type itself
	field bool   // the path goes through a struct field
	// elem is set when the path goes through slice or map elements: an
	// empty one encodes fine.
	elem bool
}

// undecodable returns the type that makes decoding any JSON value but null
// into an event of type t fail (encoding/json's decodeState.object and
// literalStore report an UnmarshalTypeError), or nil. Struct fields are not
// followed: a bad field fails only when the payload has its key.
func (c *checker) undecodable(t types.Type) types.Type {
	for range maxDepth {
		t = types.Unalias(t)
		if isTypeParam(t) || c.implementsEither(t, c.unmarshaler, c.textUnmarshaler) {
			return nil
		}
		switch u := t.Underlying().(type) {
		case *types.Pointer:
			t = u.Elem() // the decoder allocates
			continue
		case *types.Basic:
			if unsupportedBasic(u) {
				return t
			}
		case *types.Chan, *types.Signature:
			return t
		case *types.Interface:
			// A nil non-empty interface cannot be decoded into;
			// func(event any) is fine.
			if u.NumMethods() > 0 {
				return t
			}
		case *types.Map:
			k := u.Key()
			if !isTypeParam(k) && !plainKey(k) && !types.Implements(types.NewPointer(k), c.textUnmarshaler) {
				return t
			}
		}
		return nil
	}
	return nil
}

// unencodable returns the first type that encoding/json cannot encode
// (an UnsupportedTypeError) in a result of type t, or nil.
func (c *checker) unencodable(t types.Type) *jsonProblem {
	w := &encWalk{c: c, seen: new(typeutil.Map)}
	p := w.walk(t, jsonProblem{}, 0)
	if p != nil && p.path != "" {
		root := "result"
		inner := types.Unalias(t)
		if ptr, ok := inner.(*types.Pointer); ok {
			inner = types.Unalias(ptr.Elem())
		}
		if n, ok := inner.(*types.Named); ok {
			root = types.TypeString(n, c.qual)
		}
		p.path = root + p.path
	}
	return p
}

type encWalk struct {
	c    *checker
	seen *typeutil.Map // types already walked
}

// walk mirrors encoding/json's newTypeEncoder. Pointers, slices and maps
// are followed although a nil or empty one encodes fine: a type that
// cannot be encoded once populated is a latent failure. Interface types
// are not: the dynamic type is unknown.
func (w *encWalk) walk(t types.Type, at jsonProblem, depth int) *jsonProblem {
	t = types.Unalias(t)
	if depth > maxDepth || isTypeParam(t) || w.seen.At(t) != nil {
		return nil
	}
	w.seen.Set(t, true)
	// Conservatively T or *T: encoding/json uses a pointer method only on
	// addressable values.
	if w.c.implementsEither(t, w.c.marshaler, w.c.textMarshaler) {
		return nil
	}
	bad := func() *jsonProblem {
		at.typ = t
		return &at
	}
	step := func(path string, field, elem bool) jsonProblem {
		return jsonProblem{path: at.path + path, field: at.field || field, elem: at.elem || elem}
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		if unsupportedBasic(u) {
			return bad()
		}
	case *types.Chan, *types.Signature:
		return bad()
	case *types.Pointer:
		return w.walk(u.Elem(), at, depth+1)
	case *types.Slice:
		return w.walk(u.Elem(), step("[i]", false, true), depth+1)
	case *types.Array:
		if u.Len() > 0 {
			return w.walk(u.Elem(), step("[i]", false, false), depth+1)
		}
	case *types.Map:
		// newMapEncoder: the key itself, not *K, must be a TextMarshaler.
		// The encoder fails even on an empty map.
		if k := u.Key(); !isTypeParam(k) && !plainKey(k) && !types.Implements(k, w.c.textMarshaler) {
			return bad()
		}
		return w.walk(u.Elem(), step("[k]", false, true), depth+1)
	case *types.Struct:
		for _, f := range jsonFields(t) {
			// structEncoder skips zero values with omitzero, and the
			// values isEmptyValue accepts with omitempty; chans, funcs,
			// complex numbers and structs are never "empty".
			if f.omitZero || f.omitEmpty && emptiable(f.typ) {
				continue
			}
			if p := w.walk(f.typ, step("."+f.goName, true, false), depth+1); p != nil {
				return p
			}
		}
	}
	return nil
}

// unsupportedBasic reports whether encoding/json has no encoder or decoder
// for a basic type: complex numbers and unsafe.Pointer.
func unsupportedBasic(b *types.Basic) bool {
	return b.Info()&types.IsComplex != 0 || b.Kind() == types.UnsafePointer
}

// plainKey reports whether a map key of type k is encoded and decoded
// without a TextMarshaler: a string or an integer kind.
func plainKey(k types.Type) bool {
	b, ok := k.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsString|types.IsInteger) != 0
}

// emptiable reports whether encoding/json's isEmptyValue can be true for a
// value of type t, so that omitempty may drop the field.
func emptiable(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return !unsupportedBasic(u)
	case *types.Array:
		return u.Len() == 0
	case *types.Map, *types.Slice, *types.Interface, *types.Pointer:
		return true
	}
	return false
}

// A jsonField is a struct field that encoding/json encodes.
type jsonField struct {
	name      string // the JSON key
	goName    string
	tag       bool // the name came from the tag
	index     []int
	typ       types.Type
	omitEmpty bool
	omitZero  bool
}

// jsonFields mirrors encoding/json's typeFields: the fields of the struct
// type t that encoding/json encodes, through embedded structs, with Go's
// rules for hidden embedded fields, in index order.
func jsonFields(t types.Type) []jsonField {
	type embedded struct {
		typ   types.Type
		index []int
	}
	var current []embedded
	next := []embedded{{typ: t}}
	var count, nextCount *typeutil.Map // how often a type was queued at this and the next level
	visited := new(typeutil.Map)
	var fields []jsonField
	for len(next) > 0 {
		current, next = next, current[:0]
		count, nextCount = nextCount, new(typeutil.Map)
		for _, f := range current {
			if visited.At(f.typ) != nil {
				continue
			}
			visited.Set(f.typ, true)
			st, ok := f.typ.Underlying().(*types.Struct)
			if !ok {
				continue
			}
			for i := range st.NumFields() {
				sf := st.Field(i)
				if sf.Embedded() {
					if !sf.Exported() && !isStruct(derefUnnamed(sf.Type())) {
						continue // embedded fields of unexported non-struct types
					}
				} else if !sf.Exported() {
					continue
				}
				tag := reflect.StructTag(st.Tag(i)).Get("json")
				if tag == "-" {
					continue
				}
				name, opts, _ := strings.Cut(tag, ",")
				if !isValidTag(name) {
					name = ""
				}
				index := append(slices.Clip(f.index), i)
				ft := derefUnnamed(sf.Type())
				if name != "" || !sf.Embedded() || !isStruct(ft) {
					tagged := name != ""
					if name == "" {
						name = sf.Name()
					}
					field := jsonField{
						name:      name,
						goName:    sf.Name(),
						tag:       tagged,
						index:     index,
						typ:       sf.Type(),
						omitEmpty: hasOption(opts, "omitempty"),
						omitZero:  hasOption(opts, "omitzero"),
					}
					fields = append(fields, field)
					if n, _ := count.At(f.typ).(int); n > 1 {
						// A second copy, so that the duplicate annihilates.
						fields = append(fields, field)
					}
					continue
				}
				n, _ := nextCount.At(ft).(int)
				nextCount.Set(ft, n+1)
				if n == 0 {
					next = append(next, embedded{typ: ft, index: index})
				}
			}
		}
	}

	slices.SortFunc(fields, func(a, b jsonField) int {
		if c := strings.Compare(a.name, b.name); c != 0 {
			return c
		}
		if c := cmp.Compare(len(a.index), len(b.index)); c != 0 {
			return c
		}
		if a.tag != b.tag {
			if a.tag {
				return -1
			}
			return +1
		}
		return slices.Compare(a.index, b.index)
	})
	// Keep the one dominant field of each name, if any.
	out := fields[:0]
	for advance, i := 0, 0; i < len(fields); i += advance {
		fi := fields[i]
		for advance = 1; i+advance < len(fields) && fields[i+advance].name == fi.name; advance++ {
		}
		if advance == 1 {
			out = append(out, fi)
			continue
		}
		if dominant, ok := dominantField(fields[i : i+advance]); ok {
			out = append(out, dominant)
		}
	}
	slices.SortFunc(out, func(a, b jsonField) int { return slices.Compare(a.index, b.index) })
	return out
}

// dominantField mirrors encoding/json's dominantField: of fields sorted by
// depth and tag, the first wins unless the second is as deep and as tagged.
func dominantField(fields []jsonField) (jsonField, bool) {
	if len(fields) > 1 && len(fields[0].index) == len(fields[1].index) && fields[0].tag == fields[1].tag {
		return jsonField{}, false
	}
	return fields[0], true
}

func derefUnnamed(t types.Type) types.Type {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		return types.Unalias(p.Elem())
	}
	return t
}

func isStruct(t types.Type) bool {
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

func hasOption(opts, name string) bool {
	for opts != "" {
		var o string
		o, opts, _ = strings.Cut(opts, ",")
		if o == name {
			return true
		}
	}
	return false
}

// isValidTag mirrors encoding/json's isValidTag.
func isValidTag(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c):
			// Backslash and quote chars are reserved, but
			// otherwise any punctuation chars are allowed
			// in a tag name.
		case !unicode.IsLetter(c) && !unicode.IsDigit(c):
			return false
		}
	}
	return true
}

// reflectString spells t the way reflect.Type.String does, as it appears in
// encoding/json's errors: "chan bool", "func(string) error", "main.Key".
func reflectString(t types.Type) string {
	var b strings.Builder
	writeReflect(&b, t)
	return b.String()
}

func writeReflect(b *strings.Builder, t types.Type) {
	switch t := types.Unalias(t).(type) {
	case *types.Basic:
		if t.Kind() == types.UnsafePointer {
			b.WriteString("unsafe.Pointer")
			return
		}
		b.WriteString(types.Typ[t.Kind()].Name()) // uint8, not byte
	case *types.Pointer:
		b.WriteString("*")
		writeReflect(b, t.Elem())
	case *types.Slice:
		b.WriteString("[]")
		writeReflect(b, t.Elem())
	case *types.Array:
		fmt.Fprintf(b, "[%d]", t.Len())
		writeReflect(b, t.Elem())
	case *types.Map:
		b.WriteString("map[")
		writeReflect(b, t.Key())
		b.WriteString("]")
		writeReflect(b, t.Elem())
	case *types.Chan:
		switch t.Dir() {
		case types.SendOnly:
			b.WriteString("chan<- ")
		case types.RecvOnly:
			b.WriteString("<-chan ")
		default:
			b.WriteString("chan ")
		}
		if e, ok := types.Unalias(t.Elem()).(*types.Chan); ok && t.Dir() == types.SendRecv && e.Dir() == types.RecvOnly {
			b.WriteString("(")
			writeReflect(b, e)
			b.WriteString(")")
			return
		}
		writeReflect(b, t.Elem())
	case *types.Signature:
		b.WriteString("func(")
		params := t.Params()
		for i := range params.Len() {
			if i > 0 {
				b.WriteString(", ")
			}
			if t.Variadic() && i == params.Len()-1 {
				b.WriteString("...")
				writeReflect(b, params.At(i).Type().(*types.Slice).Elem())
				continue
			}
			writeReflect(b, params.At(i).Type())
		}
		b.WriteString(")")
		results := t.Results()
		switch results.Len() {
		case 0:
		case 1:
			b.WriteString(" ")
			writeReflect(b, results.At(0).Type())
		default:
			b.WriteString(" (")
			for i := range results.Len() {
				if i > 0 {
					b.WriteString(", ")
				}
				writeReflect(b, results.At(i).Type())
			}
			b.WriteString(")")
		}
	case *types.Interface:
		if t.Empty() {
			b.WriteString("interface {}")
			return
		}
		b.WriteString(types.TypeString(t, pkgName))
	default:
		b.WriteString(types.TypeString(t, pkgName))
	}
}

// pkgName qualifies a type by its package's name, as reflect does.
func pkgName(p *types.Package) string { return p.Name() }
