import { request } from "node:http";

import { pageAs } from "../doctor/support";
import { ACCESS_DENIED_BODY, expect, test } from "../fixtures";
import { HARAPAN, reviewPathOf, uploadIdentityDocument } from "./support";

/** GETs `url` from the given loopback source address and returns status and body. */
function getFrom(sourceAddress: string, url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url.replace("//localhost:", "//127.0.0.1:"),
      { localAddress: sourceAddress },
      (res) => {
        let body = "";
        res.setEncoding("latin1");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

/** Decodes a CloudFront-base64 Policy parameter. */
function decodePolicy(value: string): unknown {
  const base64 = value.replaceAll("-", "+").replaceAll("_", "=").replaceAll("~", "/");
  return JSON.parse(Buffer.from(base64, "base64").toString("utf8"));
}

test("review link is bound to the reviewer's address", async ({ browser }) => {
  const patientPage = await pageAs(browser, "patient");
  const fileName = await uploadIdentityDocument(patientPage, "png", HARAPAN);
  const staffPage = await pageAs(browser, "staffHarapan");
  await staffPage.goto(await reviewPathOf(staffPage, fileName));

  const src = await staffPage.getByRole("img", { name: /^KTP/ }).getAttribute("src");
  const policy = decodePolicy(new URL(src!).searchParams.get("Policy")!) as {
    Statement: Array<{ Condition: { IpAddress?: { "AWS:SourceIp": string } } }>;
  };

  expect(policy.Statement[0]?.Condition.IpAddress?.["AWS:SourceIp"]).toBe("127.0.0.1/32");
  expect((await getFrom("127.0.0.1", src!)).status).toBe(200);
  const elsewhere = await getFrom("127.0.0.2", src!);
  expect(elsewhere.status).toBe(403);
  expect(elsewhere.body).toBe(ACCESS_DENIED_BODY);
});
