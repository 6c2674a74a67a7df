/**
 * Staff accounts in the console, under /api/staff/users: ward staff see their ward's, a city
 * administrator every account, and only an administrator makes, changes, disables, enables and
 * resets one, or ends its sessions. Each change is audited (users.ts, manage.ts).
 */
import { z } from "zod/mini";
import {
  CreatedStaffUser,
  NewStaffUserInput,
  PersonalPermissionInput,
  ResetLink,
  StaffAccount,
  StaffUser,
  StaffUserChange,
} from "../../shared/accounts/schemas";
import { describeRoute } from "../platform/http/openapi";
import { validate } from "../platform/http/validate";
import { actorOf } from "./access";
import { resetLinkFor, setPersonalPermission, setStaffUserDisabled, updateStaffUser } from "./manage";
import { adminOnly, staffApp } from "./middleware";
import { createStaffUser, endSessionsOf, listStaffUsers } from "./users";

const IdParam = z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) });
const Changed = { 200: { description: "The account as it is now", schema: z.object({ user: StaffUser }) } };

export const staffUserRoutes = staffApp()
  .get(
    "/users",
    describeRoute({
      summary: "Staff accounts: every account for a city administrator, the ward's own for ward staff",
      tags: ["staff"],
      responses: { 200: { description: "Accounts", schema: z.object({ users: z.array(StaffAccount) }) } },
    }),
    async (c) => c.json({ users: await listStaffUsers(c.var.deps.database, c.var.staff.user) }, 200),
  )
  .post(
    "/users",
    describeRoute({
      summary: "Make an account (city administrators): its temporary password is answered once and must be changed at first login",
      description: "Refusals: `staff.login_taken`, `staff.forbidden`, `request.invalid` (a ward_staff account needs its ward).",
      tags: ["staff"],
      responses: { 201: { description: "Made", schema: CreatedStaffUser } },
    }),
    adminOnly,
    validate("json", NewStaffUserInput),
    async (c) => c.json(await createStaffUser(c.var.deps.database, c.req.valid("json"), actorOf(c.var.staff.user)), 201),
  )
  .patch(
    "/users/:id",
    describeRoute({
      summary: "Change an account's role and ward (city administrators): its sessions end",
      description: "Refusals: `staff.last_admin`, `staff.not_yourself`, `staff.user_not_found`, `staff.forbidden`.",
      tags: ["staff"],
      responses: Changed,
    }),
    adminOnly,
    validate("param", IdParam),
    validate("json", StaffUserChange),
    async (c) => {
      const user = await updateStaffUser(c.var.deps.database, c.req.valid("param").id, c.req.valid("json"), actorOf(c.var.staff.user));
      return c.json({ user }, 200);
    },
  )
  .post(
    "/users/:id/disable",
    describeRoute({
      summary: "Disable an account (city administrators): its sessions end, and its login answers as a wrong password does",
      description: "Refusals: `staff.last_admin`, `staff.not_yourself`, `staff.user_not_found`, `staff.forbidden`.",
      tags: ["staff"],
      responses: Changed,
    }),
    adminOnly,
    validate("param", IdParam),
    async (c) =>
      c.json({ user: await setStaffUserDisabled(c.var.deps.database, c.req.valid("param").id, true, actorOf(c.var.staff.user)) }, 200),
  )
  .post(
    "/users/:id/enable",
    describeRoute({ summary: "Enable a disabled account again (city administrators)", tags: ["staff"], responses: Changed }),
    adminOnly,
    validate("param", IdParam),
    async (c) =>
      c.json({ user: await setStaffUserDisabled(c.var.deps.database, c.req.valid("param").id, false, actorOf(c.var.staff.user)) }, 200),
  )
  .put(
    "/users/:id/personal",
    describeRoute({
      summary: "Allow or stop an account's reading of free-text answers and 町会 join requests (city administrators)",
      tags: ["staff"],
      responses: Changed,
    }),
    adminOnly,
    validate("param", IdParam),
    validate("json", PersonalPermissionInput),
    async (c) =>
      c.json(
        {
          user: await setPersonalPermission(
            c.var.deps.database,
            c.req.valid("param").id,
            c.req.valid("json").allowed,
            actorOf(c.var.staff.user),
          ),
        },
        200,
      ),
  )
  .post(
    "/users/:id/reset-link",
    describeRoute({
      summary: "A one-time password reset link for an account (city administrators): answered once, valid 24 h, replaces an earlier one",
      tags: ["staff"],
      responses: { 200: { description: "The link's path, with the token in its fragment", schema: ResetLink } },
    }),
    adminOnly,
    validate("param", IdParam),
    async (c) => {
      c.header("cache-control", "no-store");
      return c.json(await resetLinkFor(c.var.deps.database, c.req.valid("param").id, actorOf(c.var.staff.user)), 200);
    },
  )
  .post(
    "/users/:id/end-sessions",
    describeRoute({
      summary: "End every session of an account at once (city administrators)",
      tags: ["staff"],
      responses: { 200: { description: "How many sessions ended", schema: z.object({ ended: z.int() }) } },
    }),
    adminOnly,
    validate("param", IdParam),
    async (c) => {
      const ended = await endSessionsOf(c.var.deps.database, c.req.valid("param").id, actorOf(c.var.staff.user));
      return c.json({ ended }, 200);
    },
  );
