import { useServices } from './services';

/**
 * An issue key that opens the issue in Jira. The href lets the browser show where it leads; the click goes through
 * the host, since the app runs in a frame and a plain link would open Jira inside it.
 */
export function IssueLink({ issueKey }: { issueKey: string }) {
  const { host } = useServices();
  const path = `/browse/${issueKey}`;
  return (
    <a
      className="ser-link"
      href={path}
      onClick={(event) => {
        event.preventDefault();
        void host.navigate(path);
      }}
    >
      {issueKey}
    </a>
  );
}
