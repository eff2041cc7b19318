import { buttonClasses } from "@/components/ui/button";

/** One form per configured OAuth provider; rendered only when its keys are set. */
export function OAuthButtons({
  providers,
  action,
}: {
  providers: Array<{ id: string; name: string }>;
  action: (formData: FormData) => Promise<void>;
}) {
  if (providers.length === 0) return null;
  return (
    <div className="mt-4 flex flex-col gap-2 border-t border-line pt-4">
      {providers.map((p) => (
        <form key={p.id} action={action}>
          <input type="hidden" name="provider" value={p.id} />
          <button type="submit" className={buttonClasses({ variant: "secondary", fullWidth: true })}>
            Continue with {p.name}
          </button>
        </form>
      ))}
    </div>
  );
}
