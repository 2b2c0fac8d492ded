import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { Page } from './Page.tsx';
import { EmptyNote } from './States.tsx';

export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <EmptyNote
        title="There is no page at this address."
        action={
          <Button component={Link} to="/" mt="sm">
            Go to Home
          </Button>
        }
      >
        The link may be out of date. Use the navigation to find what you need.
      </EmptyNote>
    </Page>
  );
}

/** Shown instead of a page the signed-in role cannot use (the server would refuse it too). */
export function NoAccessPage() {
  return (
    <Page title="Not available for your role">
      <EmptyNote
        title="Your role does not give access to this page."
        action={
          <Button component={Link} to="/" mt="sm">
            Go to Home
          </Button>
        }
      >
        If you need it for your work, ask an administrator to change your roles.
      </EmptyNote>
    </Page>
  );
}
