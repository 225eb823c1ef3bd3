// Every ZAF path and event name Defuse uses, in one place. Recorded sample responses for each live in
// paths.samples.json beside this file; a test parses every sample with the schema the app uses.
// Reference: https://developer.zendesk.com/api-reference/apps/apps-support-api/ticket_sidebar/

export const PATHS = {
  ticketId: 'ticket.id',
  subject: 'ticket.subject',
  requester: 'ticket.requester',
  brand: 'ticket.brand',
  tags: 'ticket.tags',
  // ticket.conversation carries the author's role and the channel ("internal" for notes), which
  // ticket.comments lacks: https://support.zendesk.com/hc/en-us/articles/4409971483674
  conversation: 'ticket.conversation',
  draft: 'comment.text',
  draftType: 'comment.type',
  richText: 'comment.useRichText',
  currentUser: 'currentUser',
} as const;

export const ACTIONS = {
  insertAtCursor: 'ticket.editor.insert',
  appendText: 'comment.appendText',
  appendHtml: 'comment.appendHtml',
  addTags: 'ticket.tags.add',
  removeTags: 'ticket.tags.remove',
  resize: 'resize',
  notify: 'notify',
} as const;

export const EVENTS = {
  conversationChanged: 'ticket.conversation.changed',
  commentsChanged: 'ticket.comments.changed',
  updated: 'ticket.updated',
  brandChanged: 'ticket.brand.changed',
  tagsChanged: 'ticket.tags.changed',
  requesterChanged: 'ticket.requester.changed',
  draftChanged: 'comment.text.changed',
  activated: 'app.activated',
  save: 'ticket.save',
} as const;
