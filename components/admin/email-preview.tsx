import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

/**
 * An email's two bodies, read safely: the text as text (React escapes it), the HTML inside an iframe with an empty
 * `sandbox` attribute, so it runs no script, submits no form, opens nothing and cannot reach this page or its cookies.
 */
export function EmailPreview({ subject, text, html }: { subject: string; text: string; html: string }) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card>
        <CardHeader>
          <CardTitle as="h2">Plain text</CardTitle>
        </CardHeader>
        <CardContent>
          <pre
            data-testid="email-text"
            className="overflow-x-auto font-mono text-xs leading-5 break-words whitespace-pre-wrap text-ink"
          >
            {text}
          </pre>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle as="h2">HTML</CardTitle>
        </CardHeader>
        <CardContent>
          <iframe
            title={`HTML version of “${subject}”`}
            sandbox=""
            referrerPolicy="no-referrer"
            srcDoc={html}
            className="h-[32rem] w-full rounded-lg border border-line bg-white"
          />
        </CardContent>
      </Card>
    </div>
  );
}
