package invoice

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"time"

	"kursuskatalog/internal/catalog"
)

// OIOUBL 2.1 (NemHandel's profile 5, "procurement with invoice"): the
// document a Danish public customer takes through its EAN. The element
// names carry their prefixes (cac:, cbc:), bound on the root, in the order
// the UBL 2.1 schema wants them. Amounts are kroner with two decimals.

const (
	nsInvoice    = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
	nsCreditNote = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
	nsCAC        = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
	nsCBC        = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
	profile      = "urn:www.nesubl.eu:profiles:profile5:ver2.0"
	oioAgency    = "320"
	currency     = "DKK"
)

type idAttr struct {
	SchemeID       string `xml:"schemeID,attr,omitempty"`
	SchemeAgencyID string `xml:"schemeAgencyID,attr,omitempty"`
	Value          string `xml:",chardata"`
}

type codeAttr struct {
	ListAgencyID string `xml:"listAgencyID,attr,omitempty"`
	ListID       string `xml:"listID,attr,omitempty"`
	Value        string `xml:",chardata"`
}

type amount struct {
	Currency string `xml:"currencyID,attr"`
	Value    string `xml:",chardata"`
}

type quantity struct {
	Unit  string `xml:"unitCode,attr"`
	Value string `xml:",chardata"`
}

type header struct {
	UBLVersionID    string `xml:"cbc:UBLVersionID"`
	CustomizationID string `xml:"cbc:CustomizationID"`
	ProfileID       idAttr `xml:"cbc:ProfileID"`
	ID              string `xml:"cbc:ID"`
	CopyIndicator   bool   `xml:"cbc:CopyIndicator"`
	UUID            string `xml:"cbc:UUID"`
	IssueDate       string `xml:"cbc:IssueDate"`
}

type xmlInvoice struct {
	XMLName xml.Name `xml:"Invoice"`
	NS      string   `xml:"xmlns,attr"`
	NSCAC   string   `xml:"xmlns:cac,attr"`
	NSCBC   string   `xml:"xmlns:cbc,attr"`
	header
	InvoiceTypeCode      codeAttr       `xml:"cbc:InvoiceTypeCode"`
	Note                 string         `xml:"cbc:Note,omitempty"`
	DocumentCurrencyCode string         `xml:"cbc:DocumentCurrencyCode"`
	OrderReference       orderReference `xml:"cac:OrderReference"`
	Supplier             partyWrap      `xml:"cac:AccountingSupplierParty"`
	Customer             partyWrap      `xml:"cac:AccountingCustomerParty"`
	PaymentMeans         *paymentMeans  `xml:"cac:PaymentMeans"`
	PaymentTerms         *paymentTerms  `xml:"cac:PaymentTerms"`
	TaxTotal             taxTotal       `xml:"cac:TaxTotal"`
	Total                monetaryTotal  `xml:"cac:LegalMonetaryTotal"`
	Lines                []invoiceLine  `xml:"cac:InvoiceLine"`
}

type xmlCreditNote struct {
	XMLName xml.Name `xml:"CreditNote"`
	NS      string   `xml:"xmlns,attr"`
	NSCAC   string   `xml:"xmlns:cac,attr"`
	NSCBC   string   `xml:"xmlns:cbc,attr"`
	header
	Note                 string           `xml:"cbc:Note,omitempty"`
	DocumentCurrencyCode string           `xml:"cbc:DocumentCurrencyCode"`
	Discrepancy          discrepancy      `xml:"cac:DiscrepancyResponse"`
	OrderReference       orderReference   `xml:"cac:OrderReference"`
	BillingReference     billingReference `xml:"cac:BillingReference"`
	Supplier             partyWrap        `xml:"cac:AccountingSupplierParty"`
	Customer             partyWrap        `xml:"cac:AccountingCustomerParty"`
	TaxTotal             taxTotal         `xml:"cac:TaxTotal"`
	Total                monetaryTotal    `xml:"cac:LegalMonetaryTotal"`
	Lines                []creditNoteLine `xml:"cac:CreditNoteLine"`
}

type discrepancy struct {
	ReferenceID string `xml:"cbc:ReferenceID"`
	Description string `xml:"cbc:Description"`
}

type orderReference struct {
	ID        string `xml:"cbc:ID"`
	IssueDate string `xml:"cbc:IssueDate,omitempty"`
}

type billingReference struct {
	ID        string `xml:"cac:InvoiceDocumentReference>cbc:ID"`
	UUID      string `xml:"cac:InvoiceDocumentReference>cbc:UUID"`
	IssueDate string `xml:"cac:InvoiceDocumentReference>cbc:IssueDate"`
}

type partyWrap struct {
	Party party `xml:"cac:Party"`
}

type party struct {
	EndpointID     idAttr          `xml:"cbc:EndpointID"`
	Identification idAttr          `xml:"cac:PartyIdentification>cbc:ID"`
	Name           string          `xml:"cac:PartyName>cbc:Name"`
	Address        *postalAddress  `xml:"cac:PostalAddress"`
	TaxScheme      *partyTaxScheme `xml:"cac:PartyTaxScheme"`
	LegalEntity    *legalEntity    `xml:"cac:PartyLegalEntity"`
	Contact        contact         `xml:"cac:Contact"`
}

type postalAddress struct {
	Format  codeAttr      `xml:"cbc:AddressFormatCode"`
	Street  string        `xml:"cbc:StreetName,omitempty"`
	Number  string        `xml:"cbc:BuildingNumber,omitempty"`
	City    string        `xml:"cbc:CityName,omitempty"`
	Zip     string        `xml:"cbc:PostalZone,omitempty"`
	Lines   []addressLine `xml:"cac:AddressLine"`
	Country string        `xml:"cac:Country>cbc:IdentificationCode,omitempty"`
}

type addressLine struct {
	Line string `xml:"cbc:Line"`
}

type partyTaxScheme struct {
	CompanyID idAttr    `xml:"cbc:CompanyID"`
	TaxScheme taxScheme `xml:"cac:TaxScheme"`
}

type taxScheme struct {
	ID   idAttr `xml:"cbc:ID"`
	Name string `xml:"cbc:Name"`
}

type legalEntity struct {
	Name      string `xml:"cbc:RegistrationName"`
	CompanyID idAttr `xml:"cbc:CompanyID"`
}

type contact struct {
	ID        string `xml:"cbc:ID,omitempty"`
	Name      string `xml:"cbc:Name,omitempty"`
	Telephone string `xml:"cbc:Telephone,omitempty"`
	Email     string `xml:"cbc:ElectronicMail,omitempty"`
}

type paymentMeans struct {
	ID          string   `xml:"cbc:ID"`
	Code        string   `xml:"cbc:PaymentMeansCode"`
	DueDate     string   `xml:"cbc:PaymentDueDate"`
	Channel     codeAttr `xml:"cbc:PaymentChannelCode"`
	Account     string   `xml:"cac:PayeeFinancialAccount>cbc:ID"`
	PaymentNote string   `xml:"cac:PayeeFinancialAccount>cbc:PaymentNote"`
	Branch      string   `xml:"cac:PayeeFinancialAccount>cac:FinancialInstitutionBranch>cbc:ID"`
}

type paymentTerms struct {
	ID             string `xml:"cbc:ID"`
	PaymentMeansID string `xml:"cbc:PaymentMeansID"`
	Note           string `xml:"cbc:Note,omitempty"`
	Amount         amount `xml:"cbc:Amount"`
}

type taxTotal struct {
	TaxAmount amount        `xml:"cbc:TaxAmount"`
	Subtotals []taxSubtotal `xml:"cac:TaxSubtotal"`
}

type taxSubtotal struct {
	Taxable  amount      `xml:"cbc:TaxableAmount"`
	Tax      amount      `xml:"cbc:TaxAmount"`
	Category taxCategory `xml:"cac:TaxCategory"`
}

type taxCategory struct {
	ID        idAttr    `xml:"cbc:ID"`
	Percent   string    `xml:"cbc:Percent"`
	TaxScheme taxScheme `xml:"cac:TaxScheme"`
}

type monetaryTotal struct {
	LineExtension amount `xml:"cbc:LineExtensionAmount"`
	// OIOUBL's TaxExclusiveAmount is the VAT itself (the total of the
	// tax subtotals), not the amount without it.
	TaxExclusive amount `xml:"cbc:TaxExclusiveAmount"`
	TaxInclusive amount `xml:"cbc:TaxInclusiveAmount"`
	Payable      amount `xml:"cbc:PayableAmount"`
}

type lineDelivery struct {
	Date string `xml:"cbc:ActualDeliveryDate"`
}

type item struct {
	Description string `xml:"cbc:Description"`
	Name        string `xml:"cbc:Name"`
	SellersID   string `xml:"cac:SellersItemIdentification>cbc:ID"`
}

type price struct {
	Amount       amount           `xml:"cbc:PriceAmount"`
	BaseQuantity quantity         `xml:"cbc:BaseQuantity"`
	Factor       string           `xml:"cbc:OrderableUnitFactorRate"`
	Discount     *allowanceCharge `xml:"cac:AllowanceCharge"`
}

type allowanceCharge struct {
	Charge bool   `xml:"cbc:ChargeIndicator"`
	Reason string `xml:"cbc:AllowanceChargeReason"`
	Amount amount `xml:"cbc:Amount"`
	Base   amount `xml:"cbc:BaseAmount"`
}

type invoiceLine struct {
	ID            string       `xml:"cbc:ID"`
	Quantity      quantity     `xml:"cbc:InvoicedQuantity"`
	LineExtension amount       `xml:"cbc:LineExtensionAmount"`
	OrderLineID   string       `xml:"cac:OrderLineReference>cbc:LineID"`
	Delivery      lineDelivery `xml:"cac:Delivery"`
	TaxTotal      taxTotal     `xml:"cac:TaxTotal"`
	Item          item         `xml:"cac:Item"`
	Price         price        `xml:"cac:Price"`
}

type creditNoteLine struct {
	ID            string       `xml:"cbc:ID"`
	Quantity      quantity     `xml:"cbc:CreditedQuantity"`
	LineExtension amount       `xml:"cbc:LineExtensionAmount"`
	Delivery      lineDelivery `xml:"cac:Delivery"`
	TaxTotal      taxTotal     `xml:"cac:TaxTotal"`
	Item          item         `xml:"cac:Item"`
	Price         price        `xml:"cac:Price"`
}

// OIOUBL renders the document as OIOUBL 2.1 XML. The customer must have
// an EAN.
func OIOUBL(d Document) ([]byte, error) {
	if d.Customer.EAN == "" {
		return nil, fmt.Errorf("invoice %s: OIOUBL needs the customer's EAN", d.Number)
	}
	var v any
	if d.Kind == KindCreditNote {
		v = creditNoteXML(d)
	} else {
		v = invoiceXML(d)
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("invoice %s: %w", d.Number, err)
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

func headerOf(d Document) header {
	return header{UBLVersionID: "2.1", CustomizationID: "OIOUBL-2.1",
		ProfileID: idAttr{SchemeAgencyID: oioAgency, SchemeID: "urn:oioubl:id:profileid-1.2", Value: profile},
		ID:        d.Number, UUID: d.UUID, IssueDate: isoDate(d.IssuedAt)}
}

func invoiceXML(d Document) xmlInvoice {
	v := xmlInvoice{NS: nsInvoice, NSCAC: nsCAC, NSCBC: nsCBC, header: headerOf(d),
		InvoiceTypeCode:      codeAttr{ListAgencyID: oioAgency, ListID: "urn:oioubl:codelist:invoicetypecode-1.1", Value: "380"},
		Note:                 "Tilmelding " + d.BookingRef,
		DocumentCurrencyCode: currency,
		OrderReference:       orderReference{ID: d.Customer.Reference, IssueDate: isoDate(d.BookedAt)},
		Supplier:             partyWrap{supplierParty(d.Supplier)},
		Customer:             partyWrap{customerParty(d.Customer)},
		TaxTotal:             taxTotalOf(d.Subtotals, d.VATOre),
		Total:                totalOf(d),
	}
	v.PaymentMeans = &paymentMeans{ID: "1", Code: "42", DueDate: isoDate(d.DueDate),
		Channel: codeAttr{ListAgencyID: oioAgency, ListID: "urn:oioubl:codelist:paymentchannelcode-1.1", Value: "DK:BANK"},
		Account: d.Supplier.BankAccount, PaymentNote: d.Number, Branch: d.Supplier.BankReg}
	v.PaymentTerms = &paymentTerms{ID: "1", PaymentMeansID: "1",
		Note: "Netto " + strconv.Itoa(d.Supplier.PaymentDays) + " dage", Amount: kr(d.InclOre)}
	for _, l := range d.Lines {
		v.Lines = append(v.Lines, invoiceLine{ID: strconv.Itoa(l.No), Quantity: quantity{"EA", "1.00"},
			LineExtension: kr(l.PriceOre), OrderLineID: strconv.Itoa(l.No),
			Delivery: lineDelivery{isoDate(l.StartsAt)}, TaxTotal: taxTotalOf([]Subtotal{{l.VATRateBP, l.PriceOre, l.VATOre}}, l.VATOre),
			Item: itemOf(l), Price: priceOf(l)})
	}
	return v
}

func creditNoteXML(d Document) xmlCreditNote {
	v := xmlCreditNote{NS: nsCreditNote, NSCAC: nsCAC, NSCBC: nsCBC, header: headerOf(d),
		Note:                 "Tilmelding " + d.BookingRef,
		DocumentCurrencyCode: currency,
		Discrepancy:          discrepancy{ReferenceID: d.Credits.Number, Description: d.Reason},
		OrderReference:       orderReference{ID: d.Customer.Reference, IssueDate: isoDate(d.BookedAt)},
		BillingReference:     billingReference{ID: d.Credits.Number, UUID: d.Credits.UUID, IssueDate: isoDate(d.Credits.IssuedAt)},
		Supplier:             partyWrap{supplierParty(d.Supplier)},
		Customer:             partyWrap{customerParty(d.Customer)},
		TaxTotal:             taxTotalOf(d.Subtotals, d.VATOre),
		Total:                totalOf(d),
	}
	for _, l := range d.Lines {
		v.Lines = append(v.Lines, creditNoteLine{ID: strconv.Itoa(l.No), Quantity: quantity{"EA", "1.00"},
			LineExtension: kr(l.PriceOre), Delivery: lineDelivery{isoDate(l.StartsAt)},
			TaxTotal: taxTotalOf([]Subtotal{{l.VATRateBP, l.PriceOre, l.VATOre}}, l.VATOre),
			Item:     itemOf(l), Price: priceOf(l)})
	}
	return v
}

func supplierParty(s Supplier) party {
	cvr := "DK" + s.CVR
	p := party{
		EndpointID:     idAttr{SchemeID: "DK:CVR", Value: cvr},
		Identification: idAttr{SchemeID: "DK:CVR", Value: cvr},
		Name:           s.Name,
		Address:        addressOf(s.Address),
		TaxScheme:      &partyTaxScheme{CompanyID: idAttr{SchemeID: "DK:SE", Value: cvr}, TaxScheme: moms()},
		LegalEntity:    &legalEntity{Name: s.Name, CompanyID: idAttr{SchemeID: "DK:CVR", Value: cvr}},
		Contact:        contact{ID: "Kursusadministrationen", Name: s.Name, Telephone: s.Phone, Email: s.Email},
	}
	return p
}

func customerParty(c Customer) party {
	name := c.Name
	if c.Department != "" {
		name += ", " + c.Department
	}
	p := party{
		EndpointID:     idAttr{SchemeAgencyID: "9", SchemeID: "GLN", Value: c.EAN},
		Identification: idAttr{SchemeAgencyID: "9", SchemeID: "GLN", Value: c.EAN},
		Name:           name,
		Contact:        contact{ID: c.Reference, Name: c.ContactName, Telephone: c.ContactPhone, Email: c.ContactEmail},
	}
	if c.Address != "" {
		p.Address = addressOf(ParseAddress(c.Address))
	}
	return p
}

func addressOf(a Address) *postalAddress {
	list := "urn:oioubl:codelist:addressformatcode-1.1"
	if a.Structured() {
		return &postalAddress{Format: codeAttr{ListAgencyID: oioAgency, ListID: list, Value: "StructuredDK"},
			Street: a.Street, Number: a.Number, City: a.City, Zip: a.Zip, Country: "DK"}
	}
	p := &postalAddress{Format: codeAttr{ListAgencyID: oioAgency, ListID: list, Value: "Unstructured"}}
	for _, l := range a.Lines {
		p.Lines = append(p.Lines, addressLine{l})
	}
	return p
}

func moms() taxScheme {
	return taxScheme{ID: idAttr{SchemeAgencyID: oioAgency, SchemeID: "urn:oioubl:id:taxschemeid-1.1", Value: "63"}, Name: "Moms"}
}

func taxTotalOf(subs []Subtotal, vat int64) taxTotal {
	t := taxTotal{TaxAmount: kr(vat)}
	for _, s := range subs {
		cat := "StandardRated"
		if s.RateBP == 0 {
			cat = "ZeroRated"
		}
		t.Subtotals = append(t.Subtotals, taxSubtotal{Taxable: kr(s.TaxableOre), Tax: kr(s.VATOre),
			Category: taxCategory{ID: idAttr{SchemeAgencyID: oioAgency, SchemeID: "urn:oioubl:id:taxcategoryid-1.1", Value: cat},
				Percent: percent(s.RateBP), TaxScheme: moms()}})
	}
	return t
}

func totalOf(d Document) monetaryTotal {
	return monetaryTotal{LineExtension: kr(d.ExclOre), TaxExclusive: kr(d.VATOre), TaxInclusive: kr(d.InclOre), Payable: kr(d.InclOre)}
}

func itemOf(l Line) item {
	desc := l.CourseTitle + ", " + l.Dates() + ", deltager: " + l.Participant
	if l.DiscountOre() > 0 {
		desc += ", pakkepris (listepris " + catalog.FormatKroner(l.ListOre) + ", rabat " + catalog.FormatKroner(l.DiscountOre()) + ")"
	}
	return item{Description: desc, Name: l.CourseTitle, SellersID: "Deltager-" + strconv.FormatInt(l.SeatID, 10)}
}

func priceOf(l Line) price {
	p := price{Amount: kr(l.PriceOre), BaseQuantity: quantity{"EA", "1"}, Factor: "1"}
	if l.DiscountOre() > 0 {
		p.Discount = &allowanceCharge{Charge: false, Reason: "Pakkerabat", Amount: kr(l.DiscountOre()), Base: kr(l.ListOre)}
	}
	return p
}

// kr is øre as an OIOUBL amount: "6750.00".
func kr(ore int64) amount {
	return amount{Currency: currency, Value: fmt.Sprintf("%d.%02d", ore/100, ore%100)}
}

func percent(bp int) string {
	if bp%100 == 0 {
		return strconv.Itoa(bp / 100)
	}
	return fmt.Sprintf("%d.%02d", bp/100, bp%100)
}

func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(catalog.Copenhagen).Format("2006-01-02")
}
