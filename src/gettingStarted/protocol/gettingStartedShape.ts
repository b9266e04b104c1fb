// The shape of every message the Getting Started page may send (kept apart from the protocol types so the
// page's bundle does not carry the validator); anything else is refused before it is acted on.
import { cspViolationSchema, fields, messageShapeCheck, oneOfStrings, str, type MessageShapeCheck } from '../../ui/webview/messageShape';
import { gettingStartedActions, type FromGettingStarted } from './gettingStarted';

export const checkGettingStartedMessage: MessageShapeCheck = messageShapeCheck<FromGettingStarted>({
  ready: fields({ elements: { type: 'array', items: str } }),
  rendered: fields({ services: { type: 'array', items: str } }),
  run: fields({ action: oneOfStrings(gettingStartedActions) }),
  cspViolation: cspViolationSchema,
});
