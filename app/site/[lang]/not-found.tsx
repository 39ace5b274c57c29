import { NotFoundMessage } from "@/components/trust-center/not-found-message";

export default function NotFound() {
  return <NotFoundMessage />;
}
