import { z } from "zod";
import { emailField, passwordField, secondFactorField } from "./fields";

export const magicLinkRequestSchema = z.object({ email: emailField, next: z.string().optional() });
export const staffSignInSchema = z.object({ email: emailField, password: passwordField, next: z.string().optional() });
export const secondFactorSchema = z.object({ code: secondFactorField, next: z.string().optional() });
export const setPasswordSchema = z
  .object({ currentPassword: z.string().optional(), password: passwordField, confirmation: z.string({ error: "required" }) })
  .refine((value) => value.password === value.confirmation, { path: ["confirmation"], message: "passwordMismatch" });
