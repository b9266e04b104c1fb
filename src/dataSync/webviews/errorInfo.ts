// The Data Sync panels render failures the way every panel does (src/ui/webview/errorInfo.ts).
export { toErrorInfo } from '../../ui/webview/errorInfo';
