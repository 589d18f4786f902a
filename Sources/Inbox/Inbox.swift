// Inbox
