export default function Page() {
  return (
    <main>
      <h1>Floor</h1>
      <p>An empty Next.js page with no client component of its own.</p>
    </main>
  );
}
