package export

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"path"
	"strings"
	"testing"

	"baocao/report"
)

// docxDraft reads the draft from the custom XML part of a Word file's
// parts, as another program would: the item the main document refers to,
// its <draft> element in baocao's namespace.
func docxDraft(t *testing.T, parts map[string][]byte) []byte {
	t.Helper()
	var rels struct {
		Rel []struct {
			Type   string `xml:",attr"`
			Target string `xml:",attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(parts["word/_rels/document.xml.rels"], &rels); err != nil {
		t.Fatal(err)
	}
	item := ""
	for _, r := range rels.Rel {
		if r.Type == relCustomXML {
			item = path.Join("word", r.Target)
		}
	}
	if item == "" {
		t.Fatal("word/document.xml refers to no custom XML part")
	}
	var doc struct {
		XMLName xml.Name
		Draft   string `xml:"draft"`
	}
	if err := xml.Unmarshal(parts[item], &doc); err != nil {
		t.Fatalf("%s: %v", item, err)
	}
	if doc.XMLName.Space != DocxDataNamespace || doc.XMLName.Local != "baocao" {
		t.Errorf("%s: root element %v", item, doc.XMLName)
	}
	return []byte(doc.Draft)
}

// TestDocxCarriesTheDraft: the Word file carries the draft, byte for
// byte what the draft file would hold, in a custom XML part that the
// main document refers to and whose properties part names it.
func TestDocxCarriesTheDraft(t *testing.T) {
	r := report.Sample()
	r.Indicators[0].Value = "12,5%"
	r.Section("VI").Text = "Kiến nghị <b> & ]]> \"x\""
	_, parts := unzipDocx(t, renderDocx(t, r))
	if got, want := docxDraft(t, parts), marshal(t, r); !bytes.Equal(got, want) {
		t.Errorf("customXml/item1.xml's draft differs from the draft:\n%.400s", got)
	}
	props := string(parts["customXml/itemProps1.xml"])
	if !strings.Contains(props, `<ds:schemaRef ds:uri="`+DocxDataNamespace+`"/>`) {
		t.Errorf("itemProps1.xml does not name the item's namespace:\n%s", props)
	}
	if !strings.Contains(string(parts["customXml/_rels/item1.xml.rels"]), `Type="`+relCustomXMLProps+`" Target="itemProps1.xml"`) {
		t.Error("the item does not refer to its properties part")
	}
	other := report.Sample()
	other.Indicators[1].Value = "3"
	_, otherParts := unzipDocx(t, renderDocx(t, other))
	if bytes.Equal(otherParts["customXml/itemProps1.xml"], parts["customXml/itemProps1.xml"]) {
		t.Error("two different drafts give the same data store item ID")
	}
}

// TestDocxPackageIsConsistent: as Word checks a package: every part has
// a content type, every relationship inside the package points at a part
// that is there, and every part but the relationships and the content
// types is the target of one.
func TestDocxPackageIsConsistent(t *testing.T) {
	names, parts := unzipDocx(t, renderDocx(t, report.Sample()))
	var types struct {
		Default []struct {
			Extension   string `xml:",attr"`
			ContentType string `xml:",attr"`
		}
		Override []struct {
			PartName    string `xml:",attr"`
			ContentType string `xml:",attr"`
		}
	}
	if err := xml.Unmarshal(parts["[Content_Types].xml"], &types); err != nil {
		t.Fatal(err)
	}
	contentType := func(name string) string {
		for _, o := range types.Override {
			if o.PartName == "/"+name {
				return o.ContentType
			}
		}
		for _, d := range types.Default {
			if strings.EqualFold(path.Ext(name), "."+d.Extension) {
				return d.ContentType
			}
		}
		return ""
	}
	for _, o := range types.Override {
		if _, ok := parts[strings.TrimPrefix(o.PartName, "/")]; !ok {
			t.Errorf("[Content_Types].xml names %s, which is not in the package", o.PartName)
		}
	}
	targeted := map[string]bool{}
	for _, name := range names {
		if name == "[Content_Types].xml" {
			continue
		}
		if contentType(name) == "" {
			t.Errorf("%s has no content type", name)
		}
		if !strings.HasSuffix(name, ".rels") {
			continue
		}
		var rels struct {
			Rel []struct {
				Id         string `xml:",attr"`
				Type       string `xml:",attr"`
				Target     string `xml:",attr"`
				TargetMode string `xml:",attr"`
			} `xml:"Relationship"`
		}
		if err := xml.Unmarshal(parts[name], &rels); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// _rels/x.rels belongs to the package root, a/_rels/b.rels to a/b.
		source := path.Dir(path.Dir(name))
		ids := map[string]bool{}
		for _, r := range rels.Rel {
			if ids[r.Id] {
				t.Errorf("%s: relationship Id %s twice", name, r.Id)
			}
			ids[r.Id] = true
			if r.TargetMode == "External" {
				continue
			}
			target := path.Clean(path.Join(source, r.Target))
			if _, ok := parts[target]; !ok {
				t.Errorf("%s: %s points at %s, which is not in the package", name, r.Id, target)
			}
			targeted[target] = true
		}
	}
	for _, name := range names {
		if name != "[Content_Types].xml" && !strings.HasSuffix(name, ".rels") && !targeted[name] {
			t.Errorf("%s is the target of no relationship", name)
		}
	}
	if ct := contentType("customXml/itemProps1.xml"); ct != ctCustomXMLProps {
		t.Errorf("customXml/itemProps1.xml: content type %q", ct)
	}
}

// TestJSONInXML: characters XML cannot hold, and XML's own, reach the
// custom XML part as the same JSON.
func TestJSONInXML(t *testing.T) {
	in, err := json.Marshal(map[string]string{"a": "x\ufffe\uffff\ufffd<&>]]>😀 ư"})
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Draft string `xml:"draft"`
	}
	if err := xml.Unmarshal([]byte("<r><draft>"+jsonInXML(in)+"</draft></r>"), &doc); err != nil {
		t.Fatalf("not well-formed: %v\n%s", err, jsonInXML(in))
	}
	var back, want map[string]string
	if err := json.Unmarshal([]byte(doc.Draft), &back); err != nil {
		t.Fatal(err)
	}
	json.Unmarshal(in, &want)
	if back["a"] != want["a"] {
		t.Errorf("read back %q, want %q", back["a"], want["a"])
	}
}
