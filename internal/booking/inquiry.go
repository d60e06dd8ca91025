package booking

import (
	"errors"
	"time"
)

// Inquiry limits. They count inquiries that were accepted, never refused
// forms, so a sender who corrects a mistake loses nothing. One person (an
// e-mail address) may send InquiriesPerEmail within InquiryWindow. An
// address is shared by every employee of a municipality behind its
// gateway, so its limit is far above what a busy one sends and stops only
// a flood.
const (
	InquiryWindow       = time.Hour
	InquiriesPerEmail   = 5
	InquiriesPerAddress = 60
)

var (
	// ErrTooManyInquiries means the sender's e-mail or address has sent
	// as many inquiries as the limits allow within the window.
	ErrTooManyInquiries = errors.New("booking: too many inquiries")
	// ErrFormUsed means the form (its stamp) has been accepted once
	// already: a second click, or a replay.
	ErrFormUsed = errors.New("booking: the form was sent already")
)
