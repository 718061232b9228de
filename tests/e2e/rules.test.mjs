// Rules the domain decides and the forms follow: here, the parents a unit may be placed under.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startApp, openApp, addUnit, waitForStored } from "./helpers.mjs";

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

/** Adds a unit under `parent` through the form. */
async function addUnder(page, name, parent) {
  const form = page.getByRole("form", { name: "Thêm đơn vị" });
  await form.getByLabel("Tên đơn vị").fill(name);
  // Chosen within the form: the list's filter by parent names the same units.
  await form.getByRole("combobox", { name: "Đơn vị cấp trên", exact: true }).fill(parent);
  await form.getByRole("option", { name: parent, exact: true }).click();
  await form.getByRole("button", { name: "Thêm đơn vị" }).click();
  await page.getByRole("status").filter({ hasText: `Đã thêm đơn vị "${name}"` }).waitFor();
}

/** Every choice the parent picker of `form` lists with nothing typed (↓ opens the whole list). */
async function parentChoices(form) {
  const box = form.getByRole("combobox", { name: "Đơn vị cấp trên", exact: true });
  await box.click();
  await box.press("ArrowDown");
  const list = form.getByRole("listbox", { name: "Kết quả tìm – Đơn vị cấp trên" });
  await list.waitFor();
  return (await list.getByRole("option").allTextContents()).map((t) => t.trim());
}

test("editing a unit, its parent picker never offers the unit itself or a unit below it", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/don-vi");
  await addUnit(page, "LĐLĐ thành phố Hà Nội");
  await addUnder(page, "LĐLĐ huyện Ba Vì", "LĐLĐ thành phố Hà Nội");
  await addUnder(page, "CĐCS xã Tản Lĩnh", "LĐLĐ huyện Ba Vì");
  await addUnder(page, "CĐCS trường THCS Tản Lĩnh", "CĐCS xã Tản Lĩnh");
  await addUnder(page, "LĐLĐ huyện Thanh Oai", "LĐLĐ thành phố Hà Nội");
  await waitForStored(page, (d) => d.units.length === 5);

  await page.getByRole("button", { name: "Sửa LĐLĐ huyện Ba Vì" }).click();
  const edit = page.getByRole("form", { name: "Sửa đơn vị" });
  const offered = await parentChoices(edit);
  assert.deepEqual(offered.toSorted(), ["— Không có —", "LĐLĐ huyện Thanh Oai", "LĐLĐ thành phố Hà Nội"].toSorted());

  // Searched for by name, a unit below it is not found either.
  const box = edit.getByRole("combobox", { name: "Đơn vị cấp trên", exact: true });
  await box.fill("tan linh");
  await edit.getByText("Không có đơn vị nào khớp.").waitFor();
  await box.press("Escape");
  await edit.getByRole("button", { name: "Hủy sửa" }).click();

  // One level down, its own parent stays offered and only what is below it is left out.
  await page.getByRole("button", { name: "Sửa CĐCS xã Tản Lĩnh" }).click();
  const down = page.getByRole("form", { name: "Sửa đơn vị" });
  await down.getByRole("combobox", { name: "Đơn vị cấp trên", exact: true }).waitFor();
  assert.equal(await down.getByRole("combobox", { name: "Đơn vị cấp trên", exact: true }).inputValue(), "LĐLĐ huyện Ba Vì");
  const below = await parentChoices(down);
  assert.deepEqual(
    below.toSorted(),
    ["— Không có —", "LĐLĐ huyện Ba Vì", "LĐLĐ huyện Thanh Oai", "LĐLĐ thành phố Hà Nội"].toSorted(),
  );

  // A new unit may go under any of them.
  // Esc closes the list first: the list takes room in the form, so closing it on the button's
  // press would move the button away from under the pointer.
  await down.getByRole("combobox", { name: "Đơn vị cấp trên", exact: true }).press("Escape");
  await down.getByRole("button", { name: "Hủy sửa" }).click();
  const add = page.getByRole("form", { name: "Thêm đơn vị" });
  assert.equal((await parentChoices(add)).length, 6);
  assert.deepEqual(page.jsErrors, []);
  await context.close();
});
